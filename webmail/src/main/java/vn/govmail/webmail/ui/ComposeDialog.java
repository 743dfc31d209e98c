package vn.govmail.webmail.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.DirectoryClient;
import vn.govmail.webmail.mail.AddressSuggestions;
import vn.govmail.webmail.mail.ComposeService;
import vn.govmail.webmail.mail.FormattedText;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.OutgoingMessage;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.UserPreferences;

/** New message, reply and forward. Drafts are saved to Drafts every 30 s while something changed. */
public class ComposeDialog extends Dialog {
    private static final Logger LOGGER = LoggerFactory.getLogger(ComposeDialog.class);
    private static final int AUTOSAVE_MILLIS = 30_000;
    private static final int SUGGESTIONS = 20;
    private final ComposeService service;
    private final OutgoingMessage message;
    private final UserPreferences preferences;
    private final PreferencesStore preferencesStore;
    private final MailAccount account;
    private final Runnable afterSend;
    private final AddressSuggestions suggestions;
    private final Map<String, AddressSuggestions.Suggestion> shownSuggestions = new ConcurrentHashMap<>();
    private final MultiSelectComboBox<String> to;
    private final MultiSelectComboBox<String> cc;
    private final MultiSelectComboBox<String> bcc;
    private final TextField subject = new TextField(getTranslation("compose.subject"));
    private final TextArea body = new TextArea(getTranslation("compose.body"));
    private final Checkbox formatted = new Checkbox(getTranslation("compose.formatted"));
    private RichTextEditor editor;
    private final VerticalLayout bodyHolder = new VerticalLayout();
    private final Span draftStatus = new Span();
    private boolean dirty;
    private Registration poll;

    public ComposeDialog(MailAccount account, OutgoingMessage initial, UserPreferences preferences, PreferencesStore store, Runnable afterSend) {
        this.account = account;
        this.service = new ComposeService(account);
        this.preferences = preferences;
        this.preferencesStore = store;
        this.afterSend = afterSend;
        this.message = initial != null ? initial : blank(preferences);
        DirectoryClient directory = new DirectoryClient(account.userApi());
        this.suggestions = new AddressSuggestions(this::preferencesOrEmpty, directory::search);
        this.to = addressField("compose.to", "compose-to");
        this.cc = addressField("compose.cc", "compose-cc");
        this.bcc = addressField("compose.bcc", "compose-bcc");
        setHeaderTitle(getTranslation("compose.title"));
        setId("compose-dialog");
        setWidth("min(900px, 100vw)");
        setCloseOnOutsideClick(false);
        setDraggable(true);
        setResizable(true);
        fill(to, message.to);
        fill(cc, message.cc);
        fill(bcc, message.bcc);
        subject.setId("compose-subject");
        subject.setValue(message.subject);
        subject.setWidthFull();
        body.setId("compose-body");
        body.setValue(message.body);
        body.setWidthFull();
        body.setMinHeight("14em");
        for (var field : List.of(subject, body)) {
            field.addValueChangeListener(e -> dirty = true);
        }
        formatted.setId("compose-format");
        formatted.addValueChangeListener(e -> switchFormat(e.getValue()));
        bodyHolder.setPadding(false);
        bodyHolder.setSpacing(false);
        bodyHolder.add(body);
        VerticalLayout form = new VerticalLayout(to, cc, bcc, subject, formatted, bodyHolder, upload(), draftStatus);
        form.setPadding(false);
        add(form);
        Button send = new Button(getTranslation("compose.send"), e -> send());
        send.setId("compose-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button save = new Button(getTranslation("compose.saveDraft"), e -> saveDraft());
        save.setId("compose-save");
        Button discard = new Button(getTranslation("compose.discard"), e -> discard());
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        getFooter().add(discard, save, send);
    }

    /**
     * Plain text ⇄ formatted text. The reply/forward quote and the signature are plain text; turned into editor
     * HTML they keep their lines, "> " quotes become block quotes. Back to plain text, formatting is dropped.
     */
    private void switchFormat(boolean toFormatted) {
        bodyHolder.removeAll();
        if (toFormatted) {
            editor = new RichTextEditor();
            editor.setId("compose-editor");
            editor.setWidthFull();
            editor.setValue(FormattedText.fromPlainText(body.getValue()));
            editor.setChangeListener(() -> dirty = true);
            bodyHolder.add(editor);
        } else {
            if (editor != null) {
                body.setValue(FormattedText.toPlainText(editor.getValue()));
            }
            editor = null;
            bodyHolder.add(body);
        }
        dirty = true;
    }

    private static OutgoingMessage blank(UserPreferences preferences) {
        OutgoingMessage m = new OutgoingMessage();
        m.body = ComposeService.withSignature("", preferences == null ? "" : preferences.signature);
        return m;
    }

    private MultiSelectComboBox<String> addressField(String label, String id) {
        MultiSelectComboBox<String> field = new MultiSelectComboBox<>(getTranslation(label));
        field.setId(id);
        field.setWidthFull();
        field.setAllowCustomValue(true);
        // Typed text is looked up in the recent contacts and the province directory (mail server) as the user types.
        field.setItems(query -> suggestionLabels(query.getFilter().orElse("")).stream().skip(query.getOffset()).limit(query.getLimit()));
        field.setRenderer(LitRenderer.<String>of("""
                <div><div>${item.label}</div><div style="font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color)">${item.details}</div></div>""")
            .withProperty("label", text -> text).withProperty("details", this::suggestionDetails));
        field.addCustomValueSetListener(e -> {
            String value = e.getDetail().strip();
            if (!value.isEmpty()) {
                Set<String> selected = new LinkedHashSet<>(field.getValue());
                selected.add(value);
                field.setValue(selected);
            }
        });
        field.addValueChangeListener(e -> dirty = true);
        return field;
    }

    private List<String> suggestionLabels(String filter) {
        List<String> labels = new ArrayList<>();
        for (AddressSuggestions.Suggestion suggestion : suggestions.suggest(filter, SUGGESTIONS)) {
            shownSuggestions.put(suggestion.label(), suggestion);
            labels.add(suggestion.label());
        }
        return labels;
    }

    private String suggestionDetails(String label) {
        AddressSuggestions.Suggestion suggestion = shownSuggestions.get(label);
        if (suggestion == null) {
            return "";
        }
        String kind = switch (suggestion.kind()) {
            case "group" -> getTranslation("compose.kind.group");
            case "role" -> getTranslation("compose.kind.role");
            default -> "";
        };
        return kind.isEmpty() ? suggestion.details() : suggestion.details().isEmpty() ? kind : kind + " · " + suggestion.details();
    }

    private List<String> preferencesOrEmpty() {
        UserPreferences p = UserSession.account().isPresent() ? UserSession.preferences() : null;
        return p == null ? List.of() : List.copyOf(p.recentContacts);
    }

    private static void fill(MultiSelectComboBox<String> field, String list) {
        if (list == null || list.isBlank()) {
            return;
        }
        List<String> values = new ArrayList<>();
        try {
            for (var address : jakarta.mail.internet.InternetAddress.parse(list, false)) {
                values.add(address.toUnicodeString());
            }
        } catch (AddressException e) {
            values.add(list);
        }
        field.setValue(new LinkedHashSet<>(values));
    }

    private Upload upload() {
        int maxBytes = account.connector().settings().maxAttachmentBytes();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String type = metadata.contentType() == null || metadata.contentType().isBlank() ? "application/octet-stream" : metadata.contentType();
            message.attachments.add(new OutgoingMessage.Upload(metadata.fileName(), type, bytes));
            dirty = true;
        }));
        upload.setId("compose-upload");
        upload.setMaxFileSize(maxBytes);
        upload.addFileRejectedListener(e -> Notification.show(getTranslation("compose.tooLarge", e.getFileName(), maxBytes / 1048576))
            .addThemeVariants(NotificationVariant.LUMO_ERROR));
        upload.setI18n(uploadI18n());
        return upload;
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop")).setMany(getTranslation("upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add")).setMany(getTranslation("upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.tooMany"))
            .setFileIsTooBig(getTranslation("upload.tooBig")).setIncorrectFileType(getTranslation("upload.incorrectType")));
        i18n.setUploading(new UploadI18N.Uploading()
            .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.connecting"))
                .setStalled(getTranslation("upload.held")).setProcessing(getTranslation("upload.processing")).setHeld(getTranslation("upload.queued")))
            .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(getTranslation("upload.remaining") + ": ")
                .setUnknown(getTranslation("upload.unknown")))
            .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("upload.serverUnavailable"))
                .setUnexpectedServerError(getTranslation("upload.unexpected")).setForbidden(getTranslation("upload.error"))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("upload.retry")).setStart(getTranslation("upload.start"))
            .setRemove(getTranslation("upload.remove")));
        return i18n;
    }

    private void collect() {
        message.to = String.join(", ", to.getValue());
        message.cc = String.join(", ", cc.getValue());
        message.bcc = String.join(", ", bcc.getValue());
        message.subject = subject.getValue();
        if (editor != null) {
            message.html = editor.getValue();
            message.body = FormattedText.toPlainText(message.html);
        } else {
            message.html = null;
            message.body = body.getValue();
        }
    }

    private String displayName() {
        return preferences == null ? "" : preferences.displayName;
    }

    void send() {
        collect();
        try {
            if (message.to.isBlank() && message.cc.isBlank() && message.bcc.isBlank()) {
                Notification.show(getTranslation("compose.error.noRecipient")).addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            service.send(message, displayName());
            if (preferences != null) {
                preferences.rememberContacts(ComposeService.addressesOf(message));
                preferencesStore.save(account.user(), preferences);
            }
            Notification.show(getTranslation("compose.sent")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            dirty = false;
            close();
            afterSend.run();
        } catch (AddressException e) {
            Notification.show(getTranslation("compose.error.address", e.getRef() == null ? e.getMessage() : e.getRef()))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (MessagingException e) {
            LOGGER.warn("send failed for {}: {}", account.user(), e.toString());
            Notification.show(getTranslation("compose.error.send", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void saveDraft() {
        collect();
        try {
            service.saveDraft(message, displayName());
            dirty = false;
            draftStatus.setText(getTranslation("compose.draftSaved", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        } catch (MessagingException e) {
            LOGGER.warn("draft save failed for {}: {}", account.user(), e.toString());
        }
    }

    private void discard() {
        try {
            service.discardDraft(message);
        } catch (MessagingException e) {
            LOGGER.warn("draft discard failed: {}", e.toString());
        }
        dirty = false;
        close();
        afterSend.run();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().setPollInterval(AUTOSAVE_MILLIS);
        poll = attachEvent.getUI().addPollListener(e -> {
            if (dirty) {
                saveDraft();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }
}
