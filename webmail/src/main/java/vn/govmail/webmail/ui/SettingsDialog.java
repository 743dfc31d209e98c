package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MailFolder;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.SieveService;
import vn.govmail.webmail.mail.UserPreferences;

/** Display name, signature, vacation auto-reply and simple filters (the last two as Sieve on the server). */
class SettingsDialog extends Dialog {
    private static final Logger LOGGER = LoggerFactory.getLogger(SettingsDialog.class);
    private static final int FILTER_ROWS = 5;

    SettingsDialog(MailAccount account, UserPreferences preferences, PreferencesStore store, List<MailFolder> folders) {
        setHeaderTitle(getTranslation("settings.title"));
        setId("settings-dialog");
        TextField name = full(new TextField(getTranslation("settings.displayName")), "settings-name", preferences.displayName);
        TextArea signature = full(new TextArea(getTranslation("settings.signature")), "settings-signature", preferences.signature);

        Checkbox vacationOn = new Checkbox(getTranslation("settings.vacation.enabled"), preferences.vacationEnabled);
        vacationOn.setId("vacation-enabled");
        TextField vacationSubject = full(new TextField(getTranslation("settings.vacation.subject")), "vacation-subject", preferences.vacationSubject);
        TextArea vacationMessage = full(new TextArea(getTranslation("settings.vacation.message")), "vacation-message", preferences.vacationMessage);

        List<String> folderNames = folders.stream().filter(MailFolder::selectable).map(MailFolder::fullName).toList();
        List<Select<SieveService.Field>> fields = new ArrayList<>();
        List<TextField> values = new ArrayList<>();
        List<Select<String>> targets = new ArrayList<>();
        VerticalLayout filterRows = new VerticalLayout();
        filterRows.setPadding(false);
        for (int i = 0; i < FILTER_ROWS; i++) {
            SieveService.Filter existing = i < preferences.filters.size() ? preferences.filters.get(i) : null;
            Select<SieveService.Field> field = new Select<>();
            field.setItems(SieveService.Field.values());
            field.setItemLabelGenerator(f -> getTranslation(f == SieveService.Field.FROM ? "settings.filter.from" : "settings.filter.subject"));
            field.setValue(existing == null ? SieveService.Field.FROM : existing.field());
            TextField value = new TextField();
            value.setPlaceholder(getTranslation("settings.filter.value"));
            value.setValue(existing == null ? "" : existing.contains());
            Select<String> target = new Select<>();
            target.setPlaceholder(getTranslation("settings.filter.folder"));
            target.setItems(folderNames);
            if (existing != null && folderNames.contains(existing.folder())) {
                target.setValue(existing.folder());
            }
            fields.add(field);
            values.add(value);
            targets.add(target);
            HorizontalLayout row = new HorizontalLayout(field, value, target);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            filterRows.add(row);
        }
        List<String> imageSenders = new ArrayList<>(preferences.imageSenders);
        add(new VerticalLayout(name, signature, new H4(getTranslation("settings.vacation")), vacationOn, vacationSubject,
            vacationMessage, new H4(getTranslation("settings.filters")), filterRows,
            new H4(getTranslation("settings.imageSenders")), imageSenderRows(imageSenders)));

        Button save = new Button(getTranslation("action.save"), e -> {
            preferences.displayName = name.getValue().strip();
            preferences.signature = signature.getValue();
            preferences.vacationEnabled = vacationOn.getValue();
            preferences.vacationSubject = vacationSubject.getValue();
            preferences.vacationMessage = vacationMessage.getValue();
            preferences.imageSenders.retainAll(imageSenders);
            preferences.filters.clear();
            for (int i = 0; i < FILTER_ROWS; i++) {
                if (!values.get(i).getValue().isBlank() && targets.get(i).getValue() != null) {
                    preferences.filters.add(new SieveService.Filter(fields.get(i).getValue(), values.get(i).getValue().strip(), targets.get(i).getValue()));
                }
            }
            store.save(account.user(), preferences);
            try {
                new SieveService(account).save(new SieveService.Vacation(preferences.vacationEnabled, preferences.vacationSubject,
                    preferences.vacationMessage), preferences.filters);
                Notification.show(getTranslation("settings.saved"));
                close();
            } catch (IOException | RuntimeException ex) {
                LOGGER.warn("ManageSieve save failed for {}: {}", account.user(), ex.toString());
                Notification.show(getTranslation("settings.sieve.error", ex.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(760px, 100vw)");
    }

    /** The senders whose remote images are shown without asking, each with a button that takes it back (on save). */
    private VerticalLayout imageSenderRows(List<String> imageSenders) {
        VerticalLayout rows = new VerticalLayout();
        rows.setId("image-senders");
        rows.setPadding(false);
        if (imageSenders.isEmpty()) {
            rows.add(new Span(getTranslation("settings.imageSenders.none")));
        }
        for (String sender : List.copyOf(imageSenders)) {
            HorizontalLayout row = new HorizontalLayout();
            Button revoke = new Button(getTranslation("settings.imageSenders.revoke"), e -> {
                imageSenders.remove(sender);
                rows.remove(row);
            });
            revoke.addClassName("image-sender-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(new Span(sender), revoke);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassName("image-sender");
            rows.add(row);
        }
        return rows;
    }

    private static <F extends com.vaadin.flow.component.HasValue<?, String> & com.vaadin.flow.component.HasSize> F full(F field, String id, String value) {
        ((com.vaadin.flow.component.Component) field).setId(id);
        field.setValue(value);
        field.setWidthFull();
        return field;
    }
}
