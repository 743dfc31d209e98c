package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.admin.AccountAdminService.Account;
import vn.govmail.webmail.admin.StorageSize;

/**
 * Accounts: search (address, name, title, without accents) in one domain or all, a lazy grid fetching one page at a
 * time from the server, "Tạo tài khoản", and the chosen account's actions ({@link AccountDetails}).
 */
final class AccountsPanel extends VerticalLayout {
    private final AccountAdminService service;
    private final Select<String> domain = new Select<>();
    private final TextField search = new TextField();
    private final Grid<Account> grid = new Grid<>();
    private final AccountDetails details;

    AccountsPanel(AccountAdminService service) {
        this.service = service;
        this.details = new AccountDetails(service, this::refresh);
        setPadding(false);
        setWidthFull();
        List<String> domains = new ArrayList<>(List.of(""));
        ConsoleCall.fetch(this, service::domains).ifPresent(domains::addAll);
        domain.setItems(domains);
        domain.setItemLabelGenerator(name -> name.isEmpty() ? getTranslation("admin.allDomains") : name);
        domain.setValue("");
        domain.setId("admin-account-domain");
        domain.addValueChangeListener(e -> refresh());
        search.setPlaceholder(getTranslation("admin.accounts.search"));
        search.setId("admin-account-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.getStyle().set("flex", "1 1 12em");
        Button create = new Button(getTranslation("admin.accounts.create"),
            e -> new NewAccountDialog(service, domains.subList(1, domains.size()), this::refresh).open());
        create.setId("admin-account-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(domain, search, create);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");

        grid.setId("admin-accounts");
        grid.addColumn(Account::address).setHeader(getTranslation("admin.accounts.address")).setFlexGrow(2).setResizable(true);
        grid.addColumn(Account::displayName).setHeader(getTranslation("admin.accounts.name")).setFlexGrow(2);
        grid.addColumn(Account::unit).setHeader(getTranslation("admin.accounts.unit")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation(a.disabled() ? "admin.accounts.disabled" : "admin.accounts.active"))
            .setHeader(getTranslation("admin.accounts.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> StorageSize.format(a.storageBytes())).setHeader(getTranslation("admin.accounts.used")).setAutoWidth(true).setFlexGrow(0);
        grid.setPageSize(50);
        grid.setHeight("45vh");
        grid.asSingleSelect().addValueChangeListener(e -> details.show(e.getValue()));
        grid.setItems(query -> page(query.getOffset(), query.getLimit()), query -> count());
        add(bar, grid, details);
    }

    private Stream<Account> page(int offset, int limit) {
        return ConsoleCall.fetch(this, () -> service.accounts(domain.getValue(), search.getValue(), offset, limit))
            .map(page -> page.accounts().stream()).orElse(Stream.empty());
    }

    private int count() {
        return ConsoleCall.fetch(this, () -> service.accounts(domain.getValue(), search.getValue(), 0, 1).total()).orElse(0);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        details.show(null);
    }
}
