package vn.govmail.webmail.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.mail.ComposeService;
import vn.govmail.webmail.mail.HtmlSanitizer;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MessageReader;
import vn.govmail.webmail.mail.OutgoingMessage;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.ReadableMessage;
import vn.govmail.webmail.mail.UserPreferences;

/**
 * The reading pane. Mail HTML is sanitised and then shown only in an iframe with {@code sandbox} (no scripts,
 * no same origin) via {@code srcdoc}: it never becomes part of the application's DOM.
 */
public class ReaderPane extends VerticalLayout {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReaderPane.class);
    /** No allow-scripts, no allow-same-origin, no allow-forms: links may only open in a new tab. */
    static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";
    private final MailAccount account;
    private final MessageReader messageReader;
    private final Consumer<OutgoingMessage> compose;
    private final Runnable changed;
    private final PreferencesStore preferencesStore;
    private ReadableMessage current;

    public ReaderPane(MailAccount account, PreferencesStore preferencesStore, Consumer<OutgoingMessage> compose, Runnable changed) {
        this.account = account;
        this.preferencesStore = preferencesStore;
        this.messageReader = new MessageReader(account);
        this.compose = compose;
        this.changed = changed;
        setId("reader");
        setPadding(false);
        clear();
    }

    public long currentUid() {
        return current == null ? -1 : current.uid();
    }

    public void clear() {
        current = null;
        removeAll();
        Span empty = new Span(getTranslation("reader.empty"));
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-l)");
        add(empty);
    }

    public void show(String folder, long uid) {
        try {
            render(messageReader.read(folder, uid), false);
        } catch (MessageReader.MessageGoneException e) {
            Notification.show(getTranslation("reader.gone"));
            clear();
        } catch (MessagingException | IOException e) {
            LOGGER.warn("cannot open message {} in {}: {}", uid, folder, e.toString());
            Notification.show(getTranslation("error.generic", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void render(ReadableMessage message, boolean allowRemoteImages) {
        current = message;
        removeAll();
        H3 subject = new H3(message.subject().isBlank() ? getTranslation("list.noSubject") : message.subject());
        subject.setId("reader-subject");
        subject.getStyle().set("margin", "0");
        Div headers = new Div();
        headers.addClassName("reader-header");
        headers.add(line("reader.from", message.from()), line("reader.to", message.to()));
        if (!message.cc().isBlank()) {
            headers.add(line("reader.cc", message.cc()));
        }
        if (message.date() != null) {
            headers.add(line("reader.date", new SimpleDateFormat("dd/MM/yyyy HH:mm").format(message.date())));
        }
        add(subject, toolbar(message), headers);
        if (!message.attachments().isEmpty()) {
            add(attachments(message));
        }
        if (message.html() != null) {
            UserPreferences preferences = UserSession.preferences();
            boolean trustedSender = preferences != null && preferences.showsImagesFrom(message.fromAddress());
            HtmlSanitizer.Result safe = HtmlSanitizer.sanitize(message.html(), message.inlineImages(), allowRemoteImages || trustedSender);
            if (safe.blockedImages() > 0) {
                Button show = new Button(getTranslation("reader.showImages"), e -> render(message, true));
                show.setId("show-images");
                HorizontalLayout warning = new HorizontalLayout(new Span(getTranslation("reader.imagesBlocked", safe.blockedImages())), show);
                if (preferences != null && !message.fromAddress().isBlank()) {
                    Button always = new Button(getTranslation("reader.alwaysShowImages", message.fromAddress()), e -> {
                        preferences.showImagesFrom(message.fromAddress());
                        preferencesStore.save(account.user(), preferences);
                        render(message, true);
                    });
                    always.setId("always-show-images");
                    warning.add(always);
                }
                warning.setAlignItems(FlexComponent.Alignment.CENTER);
                warning.getStyle().set("flex-wrap", "wrap");
                warning.addClassName("no-print");
                add(warning);
            } else if (trustedSender) {
                Span note = new Span(getTranslation("reader.imagesTrusted", message.fromAddress()));
                note.setId("images-trusted");
                note.addClassName("no-print");
                note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                add(note);
            }
            IFrame frame = new IFrame();
            frame.setId("mail-frame");
            frame.addClassName("mail-frame");
            frame.getElement().setAttribute("sandbox", SANDBOX);
            frame.getElement().setAttribute("referrerpolicy", "no-referrer");
            frame.getElement().setAttribute("srcdoc", HtmlSanitizer.frameDocument(safe.html(), allowRemoteImages || trustedSender));
            frame.setHeight("60vh");
            add(frame);
        } else {
            Pre text = new Pre(message.text() == null ? "" : message.text());
            text.setId("mail-text");
            text.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit").set("margin", "var(--lumo-space-s)");
            add(text);
        }
    }

    private MenuBar toolbar(ReadableMessage message) {
        MenuBar bar = new MenuBar();
        bar.setId("reader-toolbar");
        bar.addClassName("no-print");
        String signature = UserSession.preferences() == null ? "" : UserSession.preferences().signature;
        bar.addItem(getTranslation("reader.reply"), e -> compose.accept(ComposeService.reply(message, false, account.user(), signature))).setId("reply");
        bar.addItem(getTranslation("reader.replyAll"), e -> compose.accept(ComposeService.reply(message, true, account.user(), signature))).setId("reply-all");
        bar.addItem(getTranslation("reader.forward"), e -> compose.accept(ComposeService.forwardInline(message, signature))).setId("forward");
        bar.addItem(getTranslation("reader.forwardAttachment"), e -> {
            try {
                compose.accept(ComposeService.forwardAsAttachment(message, messageReader.raw(message.folder(), message.uid()), signature));
            } catch (MessagingException | IOException ex) {
                Notification.show(getTranslation("error.generic", ex.getMessage()));
            }
        }).setId("forward-attachment");
        bar.addItem(getTranslation("reader.source"), e -> showSource(message)).setId("source");
        bar.addItem(getTranslation("reader.print"), e -> UI.getCurrent().getPage().executeJs("window.print()")).setId("print");
        return bar;
    }

    private void showSource(ReadableMessage message) {
        try {
            Pre source = new Pre(messageReader.rawText(message.folder(), message.uid()));
            source.addClassName("raw-source");
            source.setId("raw-source");
            Dialog dialog = new Dialog(source);
            dialog.setWidth("90vw");
            dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
            dialog.open();
        } catch (MessagingException | IOException e) {
            Notification.show(getTranslation("error.generic", e.getMessage()));
        }
    }

    private Div attachments(ReadableMessage message) {
        Div box = new Div(new Span(getTranslation("reader.attachments") + ": "));
        box.setId("attachments");
        box.getStyle().set("padding", "0 var(--lumo-space-s)");
        for (ReadableMessage.Attachment attachment : message.attachments()) {
            DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
                try {
                    byte[] bytes = messageReader.attachment(message.folder(), message.uid(), attachment.index());
                    return new DownloadResponse(new ByteArrayInputStream(bytes), attachment.fileName(),
                        "application/octet-stream", bytes.length);
                } catch (MessagingException | IOException e) {
                    return DownloadResponse.error(404);
                }
            });
            // AttachmentType.DOWNLOAD: Content-Disposition: attachment, so nothing from a mail is ever rendered by the browser.
            Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD,
                attachment.fileName() + (attachment.size() >= 0 ? " (" + MailView.formatSize(attachment.size()) + ")" : ""));
            link.addClassName("attachment");
            link.getStyle().set("margin-right", "var(--lumo-space-m)");
            box.add(link);
        }
        return box;
    }

    private Div line(String key, String value) {
        Div div = new Div(new Span(getTranslation(key) + ": "), new Span(value == null ? "" : value));
        div.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return div;
    }

    Runnable changed() {
        return changed;
    }
}
