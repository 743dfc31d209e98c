package vn.govmail.webmail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.eoffice.DocumentDetail;
import vn.govmail.webmail.eoffice.EofficeService;
import vn.govmail.webmail.eoffice.HistoryItem;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.SourceMailLocator;

/**
 * One incoming document: the metadata form with each field's extraction confidence (fields to check marked
 * "Kiểm tra", editable by the văn thư), warnings, attachments, the source mail (opened in the reader when it is in
 * the user's mailbox), the workflow so far, the history, and a button for each step the server allows this user now.
 */
@Route("van-ban")
@PageTitle("Văn bản đến")
public class DocumentView extends VerticalLayout implements HasUrlParameter<Long> {
    private static final Logger LOGGER = LoggerFactory.getLogger(DocumentView.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The order the steps are offered in. */
    private static final List<String> STEPS = List.of("REGISTER", "PRESENT", "DIRECT", "PROGRESS", "COMPLETE", "RETURN");

    private final MailAccount account = UserSession.require();
    private final EofficeService service = new EofficeService(account.userApi());
    private final SourceMailLocator locator = new SourceMailLocator(account);
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private DocumentDetail document;

    public DocumentView() {
        setWidthFull();
        setMaxWidth("80em");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(service.document(id));
        } catch (PlatformApiException e) {
            removeAll();
            add(backButton());
            add(new Span(e.status() == 403 ? getTranslation("doc.forbidden") : e.status() == 404 ? getTranslation("doc.notFound")
                : getTranslation("error.generic", e.getMessage())));
        }
    }

    private void show(DocumentDetail detail) {
        this.document = detail;
        removeAll();
        fields.clear();
        H2 title = new H2(detail.summary().subject() == null ? getTranslation("doc.noSubject") : detail.summary().subject());
        title.setId("doc-title");
        title.getStyle().set("margin", "0");
        Span state = DocumentsView.stateBadge(this, detail.summary().state());
        state.setId("doc-state");
        Span number = new Span(detail.summary().arrivalNumber() == null ? getTranslation("doc.notRegistered")
            : getTranslation("doc.arrivalNumber", detail.summary().arrivalNumber()));
        number.setId("doc-arrival-number");
        HorizontalLayout header = new HorizontalLayout(backButton(), state, number);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        if (detail.summary().urgent()) {
            Span urgent = new Span(detail.summary().priority());
            urgent.getElement().getThemeList().add("badge error primary");
            header.add(urgent);
        }
        add(header, title);
        if (!detail.warnings().isEmpty()) {
            UnorderedList warnings = new UnorderedList();
            warnings.setId("doc-warnings");
            detail.warnings().forEach(w -> warnings.add(new ListItem(w)));
            warnings.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warnings);
        }
        add(actions(), workflow(), metadata(), attachments(), sourceMail(), history());
    }

    private Button backButton() {
        Button back = new Button(getTranslation("doc.backToList"), e -> getUI().ifPresent(ui -> ui.navigate(DocumentsView.class)));
        back.setId("back-to-documents");
        return back;
    }

    private Component metadata() {
        FormLayout form = new FormLayout();
        form.setId("doc-metadata");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        boolean editable = document.may("CORRECT");
        for (DocumentDetail.MetadataField field : document.fields()) {
            TextField input = new TextField(getTranslation("doc.field." + field.name()));
            input.setId("doc-field-" + field.name());
            input.setValue(field.value() == null ? "" : field.value());
            input.setReadOnly(!editable);
            input.setHelperText(field.value() == null ? "" : getTranslation("doc.confidence", Math.round(field.confidence() * 100)));
            if (field.needsCheck()) {
                Span check = new Span(getTranslation("doc.check"));
                check.getElement().getThemeList().add("badge error");
                check.addClassName("doc-check");
                input.setSuffixComponent(check);
                input.getStyle().set("--vaadin-input-field-background", "var(--lumo-error-color-10pct)");
            }
            fields.put(field.name(), input);
            form.add(input);
            if (field.name().equals("Subject") || field.name().equals("ToPlaces")) {
                form.setColspan(input, 2);
            }
        }
        VerticalLayout box = new VerticalLayout(new H4(getTranslation("doc.metadata")), form);
        box.setPadding(false);
        if (editable) {
            Button save = new Button(getTranslation("doc.save"), e -> run(() -> {
                Map<String, String> values = new LinkedHashMap<>();
                fields.forEach((name, input) -> values.put(name, input.getValue()));
                return service.correct(document, values);
            }, "doc.saved"));
            save.setId("doc-save");
            box.add(save);
        }
        return box;
    }

    private Component attachments() {
        Div box = new Div();
        box.setId("doc-attachments");
        if (document.attachments().isEmpty()) {
            return box;
        }
        box.add(new H4(getTranslation("doc.attachments")));
        long id = document.summary().id();
        for (DocumentDetail.Attachment attachment : document.attachments()) {
            DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
                try {
                    byte[] content = service.attachment(id, attachment.id());
                    return new DownloadResponse(new ByteArrayInputStream(content), attachment.name(), "application/octet-stream", content.length);
                } catch (PlatformApiException e) {
                    return DownloadResponse.error(e.status() == 0 ? 502 : e.status());
                }
            });
            // Content-Disposition: attachment: a document file is never rendered by the browser
            Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, attachment.name() + " (" + MailView.formatSize(attachment.size()) + ")");
            link.addClassName("doc-attachment");
            link.getStyle().set("margin-right", "var(--lumo-space-m)");
            box.add(link);
        }
        return box;
    }

    private Component sourceMail() {
        DocumentDetail.SourceMail mail = document.sourceMail();
        VerticalLayout box = new VerticalLayout(new H4(getTranslation("doc.sourceMail")));
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("doc-source");
        box.add(new Span(getTranslation("doc.source.from", (mail.fromName() == null ? "" : mail.fromName() + " ") + "<" + mail.from() + ">")));
        box.add(new Span(getTranslation("doc.source.subject", mail.subject() == null ? "" : mail.subject())));
        Optional<SourceMailLocator.Location> found = Optional.empty();
        try {
            found = locator.find(mail.messageId());
        } catch (MessagingException e) {
            LOGGER.warn("looking for the source mail of document #{} failed: {}", document.summary().id(), e.toString());
        }
        if (found.isPresent()) {
            SourceMailLocator.Location location = found.get();
            Button open = new Button(getTranslation("doc.source.open"), e -> getUI().ifPresent(ui -> ui.navigate(MailView.class,
                QueryParameters.simple(Map.of(MailView.FOLDER_PARAMETER, location.folder(), MailView.UID_PARAMETER, Long.toString(location.uid()))))));
            open.setId("doc-open-mail");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            box.add(open);
        } else {
            box.add(new Span(getTranslation("doc.source.notInMailbox")));
        }
        return box;
    }

    private Component workflow() {
        DocumentDetail.Workflow flow = document.workflow();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("doc-workflow");
        line(box, "doc.wf.arrivalDate", flow.arrivalDate() == null ? null : DAY.format(flow.arrivalDate()));
        line(box, "doc.wf.leader", flow.leader());
        line(box, "doc.wf.direction", flow.direction());
        line(box, "doc.wf.lead", flow.leadAssignee());
        line(box, "doc.wf.support", flow.supportAssignees());
        line(box, "doc.wf.deadline", flow.deadline() == null ? null : DAY.format(flow.deadline()));
        line(box, "doc.wf.progress", flow.progress());
        line(box, "doc.wf.returnReason", flow.returnReason());
        return box;
    }

    private void line(VerticalLayout box, String key, String value) {
        if (value != null && !value.isBlank()) {
            Span label = new Span(getTranslation(key) + ": ");
            label.getStyle().set("font-weight", "600");
            box.add(new Span(label, new Span(value)));
        }
    }

    private Component history() {
        OrderedList timeline = new OrderedList();
        timeline.setId("doc-history");
        try {
            for (HistoryItem item : service.history(document.summary().id())) {
                String action = translatedOr("doc.history." + item.action(), item.action());
                String change = item.to() == null || item.to().equals(item.from()) ? ""
                    : " → " + translatedOr("doc.state." + item.to(), item.to());
                ListItem entry = new ListItem((item.at() == null ? "" : MINUTE.format(item.at().atZoneSameInstant(DocumentsView.VIETNAM))) + " · "
                    + item.actor() + " · " + action + change + (item.note() == null || item.note().isBlank() ? "" : " — " + item.note()));
                timeline.add(entry);
            }
        } catch (PlatformApiException e) {
            error(this, e);
        }
        return new VerticalLayout(new H4(getTranslation("doc.history")), timeline);
    }

    private String translatedOr(String key, String fallback) {
        String text = getTranslation(key);
        return text.startsWith("!") ? fallback : text;
    }

    /** A button for each step the server allows this user on this document now, each with its dialog. */
    private Component actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("doc-actions");
        bar.getStyle().set("flex-wrap", "wrap");
        long id = document.summary().id();
        for (String step : STEPS) {
            if (!document.may(step)) {
                continue;
            }
            Button button = new Button(getTranslation("doc.action." + step), e -> {
                switch (step) {
                    case "REGISTER" -> run(() -> service.register(id), "doc.done.REGISTER");
                    case "RETURN" -> new DocumentActionDialog(this, step).area("reason", true)
                        .open(v -> run(() -> service.returnToSender(id, v.text("reason")), "doc.done.RETURN"));
                    case "PRESENT" -> new DocumentActionDialog(this, step).text("leader", true)
                        .open(v -> run(() -> service.present(id, v.text("leader")), "doc.done.PRESENT"));
                    case "DIRECT" -> new DocumentActionDialog(this, step).area("direction", false).text("lead", true).text("support", false)
                        .date("deadline")
                        .open(v -> run(() -> service.direct(id, v.text("direction"), v.text("lead"), v.text("support"), v.date("deadline")),
                            "doc.done.DIRECT"));
                    case "PROGRESS" -> new DocumentActionDialog(this, step).area("note", true)
                        .open(v -> run(() -> service.progress(id, v.text("note")), "doc.done.PROGRESS"));
                    case "COMPLETE" -> new DocumentActionDialog(this, step).area("note", false)
                        .open(v -> run(() -> service.complete(id, v.text("note")), "doc.done.COMPLETE"));
                    default -> throw new IllegalStateException(step);
                }
            });
            button.setId("doc-" + step.toLowerCase(java.util.Locale.ROOT));
            button.addThemeVariants(step.equals("RETURN") ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
            bar.add(button);
        }
        return bar;
    }

    private interface Step {
        DocumentDetail run() throws PlatformApiException;
    }

    private void run(Step step, String doneKey) {
        try {
            show(step.run());
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PlatformApiException e) {
            error(this, e);
        }
    }

    /** The server's refusal in words (its message is kept: it names the rule), or that it cannot be reached. */
    static void error(Component view, PlatformApiException e) {
        LOGGER.warn("document API call failed: {} {}", e.status(), e.getMessage());
        String text = e.status() == 0 ? view.getTranslation("doc.unreachable")
            : e.status() == 403 ? view.getTranslation("doc.forbidden") + " (" + e.getMessage() + ")"
            : view.getTranslation("error.generic", e.getMessage());
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
