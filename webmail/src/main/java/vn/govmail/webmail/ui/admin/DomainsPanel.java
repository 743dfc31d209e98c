package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import vn.govmail.webmail.admin.AccountAdminService;

/** The mail domains, and adding one (removing a domain stays with the IT center's CLI: it must be empty first). */
final class DomainsPanel extends VerticalLayout {
    private final AccountAdminService service;
    private final Grid<String> grid = new Grid<>();

    DomainsPanel(AccountAdminService service) {
        this.service = service;
        setPadding(false);
        TextField name = new TextField();
        name.setPlaceholder("donvi.laichau.gov.vn");
        name.setId("admin-domain-name");
        Button add = new Button(getTranslation("admin.domains.add"), e -> {
            if (ConsoleCall.change(this, () -> service.addDomain(name.getValue()), "admin.domains.added", name.getValue().strip())) {
                name.clear();
                refresh();
            }
        });
        add.setId("admin-domain-add");
        HorizontalLayout bar = new HorizontalLayout(name, add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("admin-domains");
        grid.addColumn(domain -> domain).setHeader(getTranslation("admin.domains.name"));
        grid.setAllRowsVisible(true);
        add(bar, grid);
        refresh();
    }

    private void refresh() {
        ConsoleCall.fetch(this, service::domains).ifPresent(grid::setItems);
    }
}
