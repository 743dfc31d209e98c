package vn.govmail.webmail.mail;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.Item;

/**
 * The IMAP commands of the reader, by UID on the folder already selected: one {@code UID FETCH} for what a
 * message looks like (FLAGS, INTERNALDATE, BODYSTRUCTURE and the header block), one for the body sections it
 * shows, {@code BODY.PEEK[]} only when the whole source is asked for. Every reply goes through the folder's own
 * response handlers too, so that expunges, new mail and flag changes reach Jakarta Mail's view of the folder.
 */
final class ImapSections {
    private ImapSections() {
    }

    /** What one message looks like; null when the server returned no structure (gone, or a structure it cannot describe). */
    record Outline(Flags flags, Date internalDate, BODYSTRUCTURE structure, byte[] header) {
    }

    static Outline outline(IMAPFolder folder, long uid) throws MessagingException {
        Flags[] flags = {new Flags()};
        Date[] internalDate = new Date[1];
        BODYSTRUCTURE[] structure = new BODYSTRUCTURE[1];
        byte[][] header = new byte[1][];
        fetch(folder, uid, "FLAGS INTERNALDATE BODYSTRUCTURE BODY.PEEK[HEADER]", item -> {
            if (item instanceof FLAGS f) {
                flags[0] = f;
            } else if (item instanceof INTERNALDATE d) {
                internalDate[0] = d.getDate();
            } else if (item instanceof BODYSTRUCTURE s) {
                structure[0] = s;
            } else if (item instanceof BODY b && "HEADER".equalsIgnoreCase(b.getSection())) {
                header[0] = bytes(b.getByteArray());
            }
        });
        return structure[0] == null || header[0] == null ? null : new Outline(flags[0], internalDate[0], structure[0], header[0]);
    }

    /** The raw (still transfer-encoded) bytes of these body sections, in one command; a section the server has not is absent. */
    static Map<String, byte[]> sections(IMAPFolder folder, long uid, Collection<String> sections) throws MessagingException {
        Map<String, byte[]> result = new LinkedHashMap<>();
        if (sections.isEmpty()) {
            return result;
        }
        StringBuilder items = new StringBuilder();
        for (String section : sections) {
            items.append(items.isEmpty() ? "" : " ").append("BODY.PEEK[").append(section).append(']');
        }
        fetch(folder, uid, items.toString(), item -> {
            if (item instanceof BODY b && sections.contains(b.getSection())) {
                result.put(b.getSection(), bytes(b.getByteArray()));
            }
        });
        return result;
    }

    /** The first {@code limit} bytes of the whole message as stored (limit &lt; 0: all of it); null when it is gone. */
    static byte[] source(IMAPFolder folder, long uid, int limit) throws MessagingException {
        byte[][] found = new byte[1][];
        fetch(folder, uid, limit < 0 ? "BODY.PEEK[]" : "BODY.PEEK[]<0." + limit + ">", item -> {
            if (item instanceof BODY b && (b.getSection() == null || b.getSection().isEmpty())) {
                found[0] = bytes(b.getByteArray());
            }
        });
        return found[0];
    }

    /** Sets \Seen; the server's untagged FETCH FLAGS reply updates the folder's cached flags of the message too. */
    static void markSeen(IMAPFolder folder, long uid) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID STORE " + uid + " +FLAGS (\\Seen)", null);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private interface ItemSink {
        void accept(Item item);
    }

    private static void fetch(IMAPFolder folder, long uid, String items, ItemSink sink) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uid + " (" + items + ")", null);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch && fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class) != null
                    && fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class).uid == uid) {
                    for (int i = 0; i < fetch.getItemCount(); i++) {
                        sink.accept(fetch.getItem(i));
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private static byte[] bytes(ByteArray array) {
        if (array == null) {
            return new byte[0];
        }
        byte[] copy = new byte[array.getCount()];
        System.arraycopy(array.getBytes(), array.getStart(), copy, 0, array.getCount());
        return copy;
    }
}
