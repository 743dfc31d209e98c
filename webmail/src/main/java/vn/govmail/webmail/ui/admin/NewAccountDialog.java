package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import vn.govmail.webmail.admin.AccountAdminService;
import vn.govmail.webmail.admin.AccountAdminService.NewAccount;

/**
 * "Tạo tài khoản": address, full name (required), title and unit path; the server creates it with a generated password
 * that this dialog shows once (it is nowhere else: the server keeps only its hash).
 */
final class NewAccountDialog extends Dialog {
    private final AccountAdminService service;
    private final Runnable onCreated;
    private final TextField address = new TextField();
    private final TextField name = new TextField();
    private final TextField title = new TextField();
    private final TextField unit = new TextField();

    NewAccountDialog(AccountAdminService service, List<String> domains, Runnable onCreated) {
        this.service = service;
        this.onCreated = onCreated;
        setHeaderTitle(getTranslation("admin.accounts.create"));
        setId("admin-new-account");
        address.setLabel(getTranslation("admin.accounts.address"));
        address.setId("admin-new-address");
        address.setRequired(true);
        address.setPlaceholder(domains.isEmpty() ? "ten@donvi.gov.vn" : "ten@" + domains.get(0));
        name.setLabel(getTranslation("admin.accounts.name"));
        name.setId("admin-new-name");
        name.setRequired(true);
        title.setLabel(getTranslation("admin.accounts.title"));
        title.setId("admin-new-title");
        unit.setLabel(getTranslation("admin.accounts.unit"));
        unit.setId("admin-new-unit");
        unit.setHelperText(getTranslation("admin.accounts.unitHelp"));
        add(new FormLayout(address, name, title, unit));
        Button create = new Button(getTranslation("admin.accounts.createButton"), e -> create());
        create.setId("admin-new-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }

    private void create() {
        if (!address.getValue().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || name.getValue().isBlank()) {
            address.setInvalid(!address.getValue().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"));
            address.setErrorMessage(getTranslation("admin.accounts.badAddress"));
            name.setInvalid(name.getValue().isBlank());
            name.setErrorMessage(getTranslation("admin.accounts.nameRequired"));
            return;
        }
        NewAccount account = new NewAccount(address.getValue(), name.getValue(), title.getValue(), unit.getValue());
        ConsoleCall.fetch(this, () -> service.create(account)).ifPresent(password -> {
            onCreated.run();
            showPassword(this, account.address().strip(), password);
        });
    }

    /** Replaces the dialog's content with the one-time password of {@code address}. */
    static void showPassword(Dialog dialog, String address, String password) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        Span shown = new Span(password);
        shown.setId("admin-new-password");
        shown.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)").set("user-select", "all");
        dialog.setHeaderTitle(dialog.getTranslation("admin.password.title", address));
        dialog.add(new Paragraph(dialog.getTranslation("admin.password.once")), shown);
        Button done = new Button(dialog.getTranslation("action.close"), e -> dialog.close());
        done.setId("admin-password-close");
        dialog.getFooter().add(done);
    }
}
