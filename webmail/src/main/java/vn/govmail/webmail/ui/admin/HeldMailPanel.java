package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.admin.OversightService;
import vn.govmail.webmail.admin.OversightService.HeldMail;
import vn.govmail.webmail.ui.FolderDialogs;

/**
 * A domain's spam quarantine: date, sender, recipients, subject, score, reasons; Release (to its pending recipients,
 * once) and Delete, each after a confirmation. Nothing of the mail's content is shown here (the recipients preview
 * their own in "Thư cách ly").
 */
final class HeldMailPanel extends VerticalLayout {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final OversightService service;
    private final Select<String> domain = new Select<>();
    private final Grid<HeldMail> grid = new Grid<>();

    HeldMailPanel(OversightService service, AccountAdminService accounts) {
        this.service = service;
        setPadding(false);
        List<String> domains = ConsoleCall.fetch(this, accounts::domains).orElse(List.of());
        domain.setItems(domains);
        domain.setId("admin-quarantine-domain");
        domain.setLabel(getTranslation("admin.domains.name"));
        domain.addValueChangeListener(e -> refresh());
        Button refresh = new Button(getTranslation("action.refresh"), e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(domain, refresh);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("admin-quarantine");
        grid.addColumn(m -> m.quarantinedAt() == null ? "" : DATE.format(m.quarantinedAt())).setHeader(getTranslation("list.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.from().isBlank() ? m.sender() : m.from()).setHeader(getTranslation("list.from")).setFlexGrow(2);
        grid.addColumn(m -> String.join(", ", m.recipients())).setHeader(getTranslation("quarantine.header.to")).setFlexGrow(2);
        grid.addColumn(m -> m.subject().isBlank() ? getTranslation("list.noSubject") : m.subject()).setHeader(getTranslation("list.subject")).setFlexGrow(3);
        grid.addColumn(HeldMail::score).setHeader(getTranslation("quarantine.score")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.reasons())).setHeader(getTranslation("quarantine.reasons")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setHeight("50vh");
        add(bar, grid);
        if (!domains.isEmpty()) {
            domain.setValue(domains.get(0));
        }
    }

    private HorizontalLayout actions(HeldMail mail) {
        Button release = new Button(getTranslation("quarantine.release"), e -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("admin.quarantine.release.confirm", mail.subject(), String.join(", ", mail.recipients())),
            () -> act(() -> service.release(mail.key()), "quarantine.released")));
        release.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("action.delete"), e -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("quarantine.delete.confirm", mail.subject()), () -> act(() -> service.delete(mail.key()), "quarantine.deleted")));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(release, delete);
    }

    private void act(ConsoleCall.Step step, String doneKey) {
        ConsoleCall.change(this, step, doneKey, "");
        refresh();
    }

    private void refresh() {
        if (domain.getValue() != null) {
            ConsoleCall.fetch(this, () -> service.quarantine(domain.getValue())).ifPresent(grid::setItems);
        }
    }
}
