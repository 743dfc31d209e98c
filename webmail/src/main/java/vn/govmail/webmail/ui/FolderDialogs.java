package vn.govmail.webmail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small dialogs of the folder menu. */
public final class FolderDialogs {
    private FolderDialogs() {
    }

    static void create(Function<String, String> t, Consumer<String> onName) {
        ask(t, t.apply("folder.new"), "", onName);
    }

    static void rename(Function<String, String> t, String current, Consumer<String> onName) {
        ask(t, t.apply("folder.rename"), current, onName);
    }

    private static void ask(Function<String, String> t, String title, String value, Consumer<String> onName) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextField name = new TextField(t.apply("folder.name"));
        name.setId("folder-name");
        name.setValue(value);
        dialog.add(name);
        Button ok = new Button(t.apply("action.ok"), e -> {
            dialog.close();
            onName.accept(name.getValue().strip());
        });
        ok.setId("folder-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(t.apply("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
        name.focus();
    }

    public static void confirm(Function<String, String> t, String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setConfirmText(t.apply("action.ok"));
        dialog.setCancelText(t.apply("action.cancel"));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
    }
}
