package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.UserPreferences;

/** Display name and signature (the language switch is in the top bar). */
class SettingsDialog extends Dialog {
    SettingsDialog(MailAccount account, UserPreferences preferences, PreferencesStore store) {
        setHeaderTitle(getTranslation("settings.title"));
        setId("settings-dialog");
        TextField name = new TextField(getTranslation("settings.displayName"));
        name.setId("settings-name");
        name.setValue(preferences.displayName);
        name.setWidthFull();
        TextArea signature = new TextArea(getTranslation("settings.signature"));
        signature.setId("settings-signature");
        signature.setValue(preferences.signature);
        signature.setWidthFull();
        add(new VerticalLayout(name, signature));
        Button save = new Button(getTranslation("action.save"), e -> {
            preferences.displayName = name.getValue().strip();
            preferences.signature = signature.getValue();
            store.save(account.user(), preferences);
            Notification.show(getTranslation("settings.saved"));
            close();
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(600px, 100vw)");
    }
}
