package vn.govmail.mailserver.it;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

/** Reads what a mailbox holds over IMAPS, for assertions about delivery. */
final class MailboxInspector {
    private MailboxInspector() {
    }

    /** The Subject of every message in the user's INBOX (one entry per stored message, duplicates included). */
    static List<String> subjects(MailServerProcess server, String user) throws Exception {
        try (Store store = MailClients.openImaps(server, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, profile);
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
