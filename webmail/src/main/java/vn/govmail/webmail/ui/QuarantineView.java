package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.QuarantineService;
import vn.govmail.webmail.api.QuarantineService.Preview;
import vn.govmail.webmail.api.QuarantineService.QuarantinedMail;
import vn.govmail.webmail.mail.MailAccount;

/**
 * "Thư cách ly": mail the spam filter held back for the user. A list (date, sender, subject, score, reasons), a text
 * preview (the server sends text only; it is shown as text, so nothing of a suspect mail's HTML reaches the page),
 * and Release (into the inbox, once) / Delete, each after a confirmation.
 */
@Route("quarantine")
@PageTitle("govmail")
public class QuarantineView extends VerticalLayout {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineView.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final MailAccount account = UserSession.require();
    private final QuarantineService quarantine = new QuarantineService(account.userApi());
    private final Grid<QuarantinedMail> grid = new Grid<>();
    private final VerticalLayout preview = new VerticalLayout();
    private final Span empty = new Span();

    public QuarantineView() {
        setId("quarantine-view");
        setSizeFull();
        Button back = new Button(getTranslation("action.back"), e -> getUI().ifPresent(ui -> ui.navigate(MailView.class)));
        back.setId("quarantine-back");
        H3 title = new H3(getTranslation("quarantine.title"));
        HorizontalLayout header = new HorizontalLayout(back, title);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span explanation = new Span(getTranslation("quarantine.explanation"));
        explanation.getStyle().set("font-size", "var(--lumo-font-size-s)");

        grid.setId("quarantine-list");
        grid.addColumn(m -> m.quarantinedAt() == null ? "" : DATE.format(m.quarantinedAt())).setHeader(getTranslation("list.date"))
            .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.from().isBlank() ? m.sender() : m.from()).setHeader(getTranslation("list.from")).setFlexGrow(2);
        grid.addColumn(m -> m.subject().isBlank() ? getTranslation("list.noSubject") : m.subject()).setHeader(getTranslation("list.subject")).setFlexGrow(3);
        grid.addColumn(QuarantinedMail::score).setHeader(getTranslation("quarantine.score")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.reasons())).setHeader(getTranslation("quarantine.reasons")).setFlexGrow(2);
        grid.setHeight("40vh");
        grid.addItemClickListener(e -> show(e.getItem()));
        empty.setId("quarantine-empty");
        preview.setId("quarantine-preview");
        preview.setPadding(false);
        add(header, explanation, grid, empty, preview);
        refresh();
    }

    private void refresh() {
        preview.removeAll();
        try {
            List<QuarantinedMail> mails = quarantine.list();
            grid.setItems(mails);
            empty.setText(mails.isEmpty() ? getTranslation("quarantine.empty") : "");
        } catch (PlatformApiException e) {
            error(e);
        }
    }

    private void show(QuarantinedMail mail) {
        preview.removeAll();
        Preview shown;
        try {
            shown = quarantine.preview(mail.id());
        } catch (PlatformApiException e) {
            error(e);
            refresh();
            return;
        }
        Button release = new Button(getTranslation("quarantine.release"), e -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("quarantine.release.confirm", mail.subject()), () -> act(() -> quarantine.release(mail.id()), "quarantine.released")));
        release.setId("quarantine-release");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button(getTranslation("action.delete"), e -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("quarantine.delete.confirm", mail.subject()), () -> act(() -> quarantine.delete(mail.id()), "quarantine.deleted")));
        delete.setId("quarantine-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div headers = new Div();
        headers.setId("quarantine-headers");
        addHeader(headers, "quarantine.header.from", shown.from());
        addHeader(headers, "quarantine.header.replyTo", shown.replyTo());
        addHeader(headers, "quarantine.header.to", shown.to());
        addHeader(headers, "quarantine.header.date", shown.date());
        addHeader(headers, "list.subject", shown.mail().subject());
        addHeader(headers, "quarantine.reasons", String.join(", ", shown.mail().reasons()));
        addHeader(headers, "quarantine.attachments", String.join(", ", shown.attachments()));
        Pre text = new Pre(shown.text() + (shown.truncated() ? "\n…" : ""));   // text, never markup
        text.setId("quarantine-text");
        text.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit").set("max-height", "35vh").set("overflow", "auto").set("width", "100%");
        preview.add(new HorizontalLayout(release, delete), headers, text);
    }

    private void addHeader(Div headers, String key, String value) {
        if (value != null && !value.isBlank()) {
            Div line = new Div(new Span(getTranslation(key) + ": "), new Span(value));
            headers.add(line);
        }
    }

    private interface Call {
        void run() throws PlatformApiException;
    }

    private void act(Call call, String doneKey) {
        try {
            call.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PlatformApiException e) {
            error(e);
        }
        refresh();
    }

    private void error(PlatformApiException e) {
        LOGGER.warn("Quarantine call failed for {}: {}", account.user(), e.getMessage());
        String text = e.status() == 409 ? getTranslation("quarantine.error.already")
            : e.status() == 404 ? getTranslation("quarantine.error.gone") : getTranslation("quarantine.error", e.getMessage());
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
