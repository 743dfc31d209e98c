package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import vn.govmail.webmail.admin.OversightService;
import vn.govmail.webmail.admin.OversightService.Mailbox;
import vn.govmail.webmail.admin.OversightService.UsageRow;
import vn.govmail.webmail.admin.StorageSize;

/** The usage reports: per domain, per unit (of one domain or all), and the 20 largest mailboxes. */
final class ReportsPanel extends VerticalLayout {
    private static final int TOP = 20;

    private final OversightService service;
    private final Select<String> domain = new Select<>();
    private final Grid<UsageRow> units = usageGrid("admin-report-units", "admin.reports.unit");
    private final Grid<Mailbox> largest = new Grid<>();

    ReportsPanel(OversightService service) {
        this.service = service;
        setPadding(false);
        Grid<UsageRow> domains = usageGrid("admin-report-domains", "admin.domains.name");
        List<UsageRow> domainRows = ConsoleCall.fetch(this, service::domains).orElse(List.of());
        domains.setItems(domainRows);
        List<String> names = new ArrayList<>(List.of(""));
        domainRows.forEach(row -> names.add(row.name()));
        domain.setItems(names);
        domain.setItemLabelGenerator(name -> name.isEmpty() ? getTranslation("admin.allDomains") : name);
        domain.setId("admin-report-domain");
        domain.addValueChangeListener(e -> refresh());
        largest.setId("admin-report-top");
        largest.addColumn(Mailbox::address).setHeader(getTranslation("admin.accounts.address")).setFlexGrow(2);
        largest.addColumn(Mailbox::displayName).setHeader(getTranslation("admin.accounts.name")).setFlexGrow(2);
        largest.addColumn(Mailbox::unit).setHeader(getTranslation("admin.accounts.unit")).setFlexGrow(2);
        largest.addColumn(m -> StorageSize.format(m.storageBytes())).setHeader(getTranslation("admin.reports.storage")).setAutoWidth(true).setFlexGrow(0);
        largest.addColumn(Mailbox::messages).setHeader(getTranslation("admin.reports.messages")).setAutoWidth(true).setFlexGrow(0);
        largest.setAllRowsVisible(true);
        add(new H4(getTranslation("admin.reports.domains")), domains, domain, new H4(getTranslation("admin.reports.units")), units,
            new H4(getTranslation("admin.reports.top", TOP)), largest);
        domain.setValue("");
    }

    private void refresh() {
        ConsoleCall.fetch(this, () -> service.units(domain.getValue())).ifPresent(units::setItems);
        ConsoleCall.fetch(this, () -> service.largest(domain.getValue(), TOP)).ifPresent(largest::setItems);
    }

    private Grid<UsageRow> usageGrid(String id, String nameKey) {
        Grid<UsageRow> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(UsageRow::name).setHeader(getTranslation(nameKey)).setFlexGrow(3);
        grid.addColumn(UsageRow::accounts).setHeader(getTranslation("admin.reports.accounts")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UsageRow::active30Days).setHeader(getTranslation("admin.reports.active")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> StorageSize.format(row.storageBytes())).setHeader(getTranslation("admin.reports.storage")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UsageRow::messages).setHeader(getTranslation("admin.reports.messages")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
