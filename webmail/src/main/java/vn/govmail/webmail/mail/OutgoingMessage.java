package vn.govmail.webmail.mail;

import java.util.ArrayList;
import java.util.List;

/** What the compose form holds; mutable because the form edits it while drafts are saved in the background. */
public class OutgoingMessage {
    public String to = "";
    public String cc = "";
    public String bcc = "";
    public String subject = "";
    public String body = "";
    /** The formatted body from the editor (sent as multipart/alternative, cleaned), or null for plain text only. */
    public String html;
    public String inReplyTo;
    public String references;
    /** UID of the draft this message was last saved as in the Drafts folder, or -1. */
    public long draftUid = -1;
    public final List<Upload> attachments = new ArrayList<>();

    public record Upload(String fileName, String contentType, byte[] bytes) {
        public long size() {
            return bytes.length;
        }
    }
}
