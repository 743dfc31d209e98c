package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.admin.AddressAdminService;
import vn.govmail.webmail.admin.OversightService;
import vn.govmail.webmail.api.UserApiSession;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.ui.MailView;
import vn.govmail.webmail.ui.UserSession;

/**
 * "Quản trị": the province IT center's console, for accounts with the administrator role. Every action is a call on
 * the administrator's own user-API session; the server decides what it may do (and audits it as that account), so a
 * non-administrator who opens {@code /admin} by hand sees only the server's refusal.
 */
@Route("admin")
@PageTitle("govmail")
public class AdminView extends VerticalLayout {
    public AdminView() {
        MailAccount account = UserSession.require();
        UserApiSession api = account.userApi();
        AccountAdminService accounts = new AccountAdminService(api);
        setId("admin-view");
        setSizeFull();
        Button back = new Button(getTranslation("action.back"), e -> UI.getCurrent().navigate(MailView.class));
        back.setId("admin-back");
        HorizontalLayout header = new HorizontalLayout(back, new H3(getTranslation("admin.title")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);
        if (!ConsoleCall.fetch(this, accounts::isAdministrator).orElse(false)) {
            Span refused = new Span(getTranslation("admin.notAdministrator"));
            refused.setId("admin-refused");
            add(refused);
            return;
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("admin-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("admin.tab.accounts"), new AccountsPanel(accounts)).setId("admin-tab-accounts");
        tabs.add(getTranslation("admin.tab.domains"), new DomainsPanel(accounts)).setId("admin-tab-domains");
        tabs.add(getTranslation("admin.tab.addresses"), new AddressesPanel(new AddressAdminService(api))).setId("admin-tab-addresses");
        OversightService oversight = new OversightService(api);
        tabs.add(getTranslation("admin.tab.quarantine"), new HeldMailPanel(oversight, accounts)).setId("admin-tab-quarantine");
        tabs.add(getTranslation("admin.tab.reports"), new ReportsPanel(oversight)).setId("admin-tab-reports");
        add(tabs);
    }
}
