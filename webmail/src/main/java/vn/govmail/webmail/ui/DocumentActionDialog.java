package vn.govmail.webmail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dialog of one workflow step: the inputs it needs (reason, leader, direction, progress, completion note),
 * required ones checked before the step is sent to the server.
 */
final class DocumentActionDialog extends Dialog {
    private final Component translator;
    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    private final Map<String, Boolean> required = new LinkedHashMap<>();
    private final VerticalLayout form = new VerticalLayout();

    /** Values by input name: strings, and LocalDate for date inputs. */
    interface Values {
        String text(String name);

        LocalDate date(String name);
    }

    DocumentActionDialog(Component translator, String action) {
        this.translator = translator;
        setId("doc-dialog-" + action.toLowerCase(java.util.Locale.ROOT));
        setHeaderTitle(translator.getTranslation("doc.action." + action));
        form.setPadding(false);
        form.setMinWidth("min(28em, 80vw)");
        add(form);
    }

    DocumentActionDialog text(String name, boolean mandatory) {
        TextField field = new TextField(translator.getTranslation("doc.input." + name));
        return add(name, field, mandatory);
    }

    DocumentActionDialog area(String name, boolean mandatory) {
        TextArea field = new TextArea(translator.getTranslation("doc.input." + name));
        return add(name, field, mandatory);
    }

    DocumentActionDialog date(String name) {
        DatePicker field = new DatePicker(translator.getTranslation("doc.input." + name));
        field.setMin(LocalDate.now(DocumentsView.VIETNAM));
        return add(name, field, false);
    }

    private DocumentActionDialog add(String name, Component field, boolean mandatory) {
        field.setId("doc-input-" + name);
        ((com.vaadin.flow.component.HasSize) field).setWidthFull();
        if (field instanceof com.vaadin.flow.component.shared.HasValidationProperties validated && mandatory) {
            validated.setErrorMessage(translator.getTranslation("doc.input.required"));
        }
        inputs.put(name, (HasValue<?, ?>) field);
        required.put(name, mandatory);
        form.add(field);
        return this;
    }

    /** Opens the dialog; {@code onConfirm} runs with the values when every required input is filled. */
    void open(Consumer<Values> onConfirm) {
        Button confirm = new Button(translator.getTranslation("doc.confirm"), e -> {
            boolean complete = true;
            for (Map.Entry<String, HasValue<?, ?>> input : inputs.entrySet()) {
                Object value = input.getValue().getValue();
                boolean missing = required.get(input.getKey()) && (value == null || value.toString().isBlank());
                if (input.getValue() instanceof com.vaadin.flow.component.shared.HasValidationProperties validated) {
                    validated.setInvalid(missing);
                }
                complete &= !missing;
            }
            if (complete) {
                close();
                onConfirm.accept(new Values() {
                    @Override
                    public String text(String name) {
                        Object value = inputs.get(name).getValue();
                        return value == null || value.toString().isBlank() ? null : value.toString().strip();
                    }

                    @Override
                    public LocalDate date(String name) {
                        return (LocalDate) inputs.get(name).getValue();
                    }
                });
            }
        });
        confirm.setId("doc-dialog-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(translator.getTranslation("doc.cancel"), e -> close());
        getFooter().add(cancel, confirm);
        open();
    }
}
