package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.govmail.webmail.mail.FolderRole;
import vn.govmail.webmail.mail.MailFolder;
import vn.govmail.webmail.mail.SearchCriteria;

/** The advanced search form. */
class SearchDialog extends Dialog {
    private static final String ALL = "";

    SearchDialog(List<MailFolder> folders, Consumer<SearchCriteria> search) {
        setHeaderTitle(getTranslation("search.title"));
        setId("search-dialog");
        TextField from = field("search.from", "search-from");
        TextField to = field("search.to", "search-to");
        TextField subject = field("search.subject", "search-subject");
        TextField body = field("search.body", "search-body");
        DatePicker after = new DatePicker(getTranslation("search.after"));
        DatePicker before = new DatePicker(getTranslation("search.before"));
        for (DatePicker picker : List.of(after, before)) {
            picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("dd/MM/yyyy").setToday(getTranslation("date.today"))
                .setCancel(getTranslation("date.cancel")).setFirstDayOfWeek(1));
        }
        Checkbox attachment = new Checkbox(getTranslation("search.hasAttachment"));
        attachment.setId("search-attachment");
        Select<String> folder = new Select<>();
        folder.setLabel(getTranslation("search.folder"));
        List<String> names = new ArrayList<>(List.of(ALL));
        folders.stream().filter(MailFolder::selectable).map(MailFolder::fullName).forEach(names::add);
        folder.setItems(names);
        folder.setItemLabelGenerator(name -> name.isEmpty() ? getTranslation("search.allFolders") : folders.stream()
            .filter(f -> f.fullName().equals(name)).findFirst()
            .map(f -> f.role() == FolderRole.NONE ? f.name() : getTranslation(f.role().translationKey())).orElse(name));
        folder.setValue(ALL);
        FormLayout form = new FormLayout(from, to, subject, body, after, before, folder, attachment);
        add(form);
        Button go = new Button(getTranslation("action.search"), e -> {
            close();
            search.accept(new SearchCriteria(from.getValue(), to.getValue(), subject.getValue(), body.getValue(),
                after.getValue(), before.getValue(), attachment.getValue(), folder.getValue().isEmpty() ? null : folder.getValue()));
        });
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), go);
    }

    private TextField field(String key, String id) {
        TextField field = new TextField(getTranslation(key));
        field.setId(id);
        field.setClearButtonVisible(true);
        return field;
    }
}
