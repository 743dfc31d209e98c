package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.eoffice.DocumentFilter;
import vn.govmail.webmail.eoffice.DocumentRoles;
import vn.govmail.webmail.eoffice.DocumentSummary;
import vn.govmail.webmail.eoffice.EofficeService;

/**
 * "Văn bản đến": the incoming documents the user may see (the server decides: văn thư, leader, assignee), urgent
 * first, with filters, state badges, số đến and deadline; the văn thư also downloads the register. A row opens
 * {@link DocumentView}.
 */
@Route("van-ban-den")
@PageTitle("Văn bản đến")
public class DocumentsView extends VerticalLayout {
    static final List<String> STATES = List.of("cho-tiep-nhan", "da-tiep-nhan", "da-trinh", "dang-xu-ly", "hoan-thanh", "tra-lai");
    static final List<String> PRIORITIES = List.of("Khẩn", "Thượng khẩn", "Hỏa tốc");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final EofficeService service = new EofficeService(UserSession.require().userApi());
    private final Grid<DocumentSummary> grid = new Grid<>();
    private final Select<String> state = new Select<>();
    private final Select<String> priority = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField issuer = new TextField();
    private final TextField type = new TextField();
    private final TextField text = new TextField();
    private final Span count = new Span();

    public DocumentsView() {
        setSizeFull();
        Button back = new Button(getTranslation("doc.backToMail"), e -> getUI().ifPresent(ui -> ui.navigate(MailView.class)));
        back.setId("back-to-mail");
        H2 title = new H2(getTranslation("doc.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(back, title, count, LanguageSelect.create(this::getTranslation));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        add(header, filters());
        DocumentRoles roles = roles();
        if (roles.clerk()) {
            add(export(roles));
        }
        add(grid());
        refresh();
    }

    private DocumentRoles roles() {
        try {
            return service.roles();
        } catch (PlatformApiException e) {
            DocumentView.error(this, e);
            return DocumentRoles.none();
        }
    }

    private HorizontalLayout filters() {
        state.setId("doc-filter-state");
        state.setLabel(getTranslation("doc.filter.state"));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("doc.filter.all"));
        state.setItems(STATES);
        state.setItemLabelGenerator(code -> code == null ? getTranslation("doc.filter.all") : getTranslation("doc.state." + code));
        priority.setId("doc-filter-priority");
        priority.setLabel(getTranslation("doc.filter.priority"));
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption(getTranslation("doc.filter.all"));
        priority.setItems(PRIORITIES);
        priority.setItemLabelGenerator(p -> p == null ? getTranslation("doc.filter.all") : p);
        from.setLabel(getTranslation("doc.filter.from"));
        to.setLabel(getTranslation("doc.filter.to"));
        issuer.setLabel(getTranslation("doc.filter.issuer"));
        type.setLabel(getTranslation("doc.filter.type"));
        text.setLabel(getTranslation("doc.filter.text"));
        text.setId("doc-filter-text");
        text.setClearButtonVisible(true);
        Button apply = new Button(getTranslation("doc.filter.apply"), e -> refresh());
        apply.setId("doc-filter-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(state, priority, from, to, issuer, type, text, apply);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private HorizontalLayout export(DocumentRoles roles) {
        Select<DocumentRoles.Unit> unit = new Select<>();
        unit.setLabel(getTranslation("doc.export.unit"));
        unit.setItems(roles.clerkOf());
        unit.setItemLabelGenerator(DocumentRoles.Unit::name);
        unit.setValue(roles.clerkOf().get(0));
        DatePicker exportFrom = new DatePicker(getTranslation("doc.filter.from"), LocalDate.now(VIETNAM).withDayOfYear(1));
        DatePicker exportTo = new DatePicker(getTranslation("doc.filter.to"), LocalDate.now(VIETNAM));
        HorizontalLayout bar = new HorizontalLayout(unit, exportFrom, exportTo);
        for (String format : List.of("xlsx", "csv")) {
            DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
                LocalDate start = exportFrom.getValue() == null ? LocalDate.now(VIETNAM).withDayOfYear(1) : exportFrom.getValue();
                LocalDate end = exportTo.getValue() == null ? LocalDate.now(VIETNAM) : exportTo.getValue();
                try {
                    byte[] content = service.exportRegister(unit.getValue().id(), start, end, format);
                    return new DownloadResponse(new ByteArrayInputStream(content), EofficeService.registerFileName(unit.getValue().id(), start, end, format),
                        "application/octet-stream", content.length);
                } catch (PlatformApiException e) {
                    return DownloadResponse.error(e.status() == 0 ? 502 : e.status());
                }
            });
            Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("doc.export." + format));
            link.setId("doc-export-" + format);
            bar.add(link);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private Grid<DocumentSummary> grid() {
        grid.setId("documents");
        grid.addComponentColumn(this::priorityBadge).setHeader(getTranslation("doc.col.priority")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.arrivalNumber() == null ? "" : d.arrivalNumber().toString()).setHeader(getTranslation("doc.col.arrivalNumber"))
            .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> nullToEmpty(d.numberNotation())).setHeader(getTranslation("doc.col.numberNotation")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> nullToEmpty(d.organName())).setHeader(getTranslation("doc.col.issuer")).setFlexGrow(2);
        grid.addColumn(d -> (d.typeName() == null ? "" : d.typeName() + ": ") + nullToEmpty(d.subject())).setHeader(getTranslation("doc.col.subject"))
            .setFlexGrow(4);
        grid.addColumn(d -> d.receivedAt() == null ? "" : MINUTE.format(d.receivedAt().atZoneSameInstant(VIETNAM)))
            .setHeader(getTranslation("doc.col.received")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(d -> stateBadge(this, d.state())).setHeader(getTranslation("doc.col.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.deadline() == null ? "" : DAY.format(d.deadline())).setHeader(getTranslation("doc.col.deadline"))
            .setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(d -> d.urgent() ? "urgent" : null);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DocumentView.class, e.getItem().id())));
        grid.setEmptyStateText(getTranslation("doc.empty"));
        grid.setSizeFull();
        return grid;
    }

    private Span priorityBadge(DocumentSummary document) {
        Span badge = new Span(document.urgent() ? document.priority() : "");
        if (document.urgent()) {
            badge.getElement().getThemeList().add("badge error primary");
        }
        if (document.secret()) {
            Span secret = new Span(getTranslation("doc.secret"));
            secret.getElement().getThemeList().add("badge contrast");
            return new Span(badge, secret);
        }
        return badge;
    }

    /** The state as a coloured badge (Lumo badge themes). */
    static Span stateBadge(com.vaadin.flow.component.Component translator, String code) {
        Span badge = new Span(translator.getTranslation("doc.state." + code));
        badge.addClassName("doc-state");
        badge.getElement().getThemeList().add(switch (code) {
            case "cho-tiep-nhan" -> "badge";
            case "hoan-thanh" -> "badge success";
            case "tra-lai" -> "badge error";
            default -> "badge contrast";
        });
        return badge;
    }

    void refresh() {
        DocumentFilter filter = new DocumentFilter(state.getValue(), priority.getValue(), from.getValue(), to.getValue(), issuer.getValue(),
            type.getValue(), text.getValue());
        try {
            List<DocumentSummary> documents = service.list(filter);
            grid.setItems(documents);
            count.setText(getTranslation("doc.count", documents.size()));
        } catch (PlatformApiException e) {
            DocumentView.error(this, e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
