package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.mail.MailAccount;

/** The "Quản trị" button of the mailbox's drawer: only for administrators (the server says who; unreachable: none). */
public final class AdminEntry {
    private static final Logger LOGGER = LoggerFactory.getLogger(AdminEntry.class);

    private AdminEntry() {
    }

    public static Optional<Button> forAccount(MailAccount account, Function<String, String> translation) {
        try {
            if (!new AccountAdminService(account.userApi()).isAdministrator()) {
                return Optional.empty();
            }
        } catch (PlatformApiException e) {
            LOGGER.warn("administrator role of {} unknown: {}", account.user(), e.getMessage());
            return Optional.empty();
        }
        Button admin = new Button(translation.apply("admin.title"), e -> UI.getCurrent().navigate(AdminView.class));
        admin.setId("nav-admin");
        admin.setWidthFull();
        return Optional.of(admin);
    }
}
