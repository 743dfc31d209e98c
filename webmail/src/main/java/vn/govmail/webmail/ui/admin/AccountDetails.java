package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.admin.AccountAdminService.Account;
import vn.govmail.webmail.admin.AccountAdminService.Quota;
import vn.govmail.webmail.admin.StorageSize;
import vn.govmail.webmail.ui.FolderDialogs;

/** The chosen account: profile, usage against its limit, disable/enable, password reset, storage limit. */
final class AccountDetails extends VerticalLayout {
    private final AccountAdminService service;
    private final Runnable onChange;

    AccountDetails(AccountAdminService service, Runnable onChange) {
        this.service = service;
        this.onChange = onChange;
        setId("admin-account-details");
        setPadding(false);
    }

    void show(Account account) {
        removeAll();
        if (account == null) {
            return;
        }
        add(new H4(account.address()));
        line("admin.accounts.name", account.displayName());
        line("admin.accounts.title", account.title());
        line("admin.accounts.unit", account.unit());
        line("admin.accounts.status", getTranslation(account.disabled() ? "admin.accounts.disabled" : "admin.accounts.active")
            + (account.administrator() ? " · " + getTranslation("admin.accounts.administrator") : ""));
        ConsoleCall.fetch(this, () -> service.quota(account.address())).ifPresent(quota -> line("admin.accounts.usage", usage(quota)));

        Button toggle = new Button(getTranslation(account.disabled() ? "admin.accounts.enable" : "admin.accounts.disable"),
            e -> FolderDialogs.confirm(this::getTranslation, getTranslation(account.disabled() ? "admin.accounts.enable.confirm" : "admin.accounts.disable.confirm", account.address()),
                () -> {
                    if (ConsoleCall.change(this, () -> service.setDisabled(account.address(), !account.disabled()),
                        account.disabled() ? "admin.accounts.enabled" : "admin.accounts.disabledDone", account.address())) {
                        onChange.run();
                    }
                }));
        toggle.setId("admin-account-toggle");
        if (!account.disabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button reset = new Button(getTranslation("admin.accounts.reset"),
            e -> FolderDialogs.confirm(this::getTranslation, getTranslation("admin.accounts.reset.confirm", account.address()), () -> resetPassword(account.address())));
        reset.setId("admin-account-reset");
        TextField limit = new TextField();
        limit.setPlaceholder(getTranslation("admin.accounts.limitHint"));
        limit.setId("admin-account-limit");
        limit.setWidth("9em");
        Button setLimit = new Button(getTranslation("admin.accounts.setLimit"), e -> setLimit(account, limit.getValue()));
        setLimit.setId("admin-account-set-limit");
        HorizontalLayout actions = new HorizontalLayout(toggle, reset, limit, setLimit);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        add(actions);
    }

    private String usage(Quota quota) {
        String used = StorageSize.format(quota.storageUsed());
        String limit = quota.storageLimit() == null ? getTranslation("admin.accounts.unlimited") : StorageSize.format(quota.storageLimit());
        return getTranslation("admin.accounts.usageText", used, limit, quota.messages());
    }

    private void setLimit(Account account, String text) {
        Long bytes;
        try {
            bytes = text.isBlank() ? null : StorageSize.parse(text);
        } catch (IllegalArgumentException e) {
            ConsoleCall.refused(this, new vn.govmail.webmail.api.PlatformApiException(400, getTranslation("admin.accounts.badSize", text)));
            return;
        }
        if (ConsoleCall.change(this, () -> service.setStorageLimit(account.address(), bytes), "admin.accounts.limitSaved", account.address())) {
            show(account);
        }
    }

    private void resetPassword(String address) {
        ConsoleCall.fetch(this, () -> service.resetPassword(address)).ifPresent(password -> {
            Dialog dialog = new Dialog();
            NewAccountDialog.showPassword(dialog, address, password);
            dialog.open();
        });
    }

    private void line(String key, String value) {
        if (value != null && !value.isBlank()) {
            add(new Div(new Span(getTranslation(key) + ": "), new Span(value)));
        }
    }
}
