package vn.govmail.webmail.mail;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.SortTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The message list of a folder, fetched lazily: the grid asks for rows {@code offset..offset+limit} and only
 * those messages' ENVELOPE/FLAGS/SIZE/BODYSTRUCTURE are fetched. The default order (newest first) needs no
 * server round trip beyond the fetch: message sequence numbers are arrival order. Other orders ask the server
 * once for the sorted sequence (SORT) and then page through it.
 */
public class MessageListService {
    private final MailAccount account;
    private String sortedFolder;
    private MessageSort sortedBy;
    private boolean sortedDescending;
    private int sortedCount = -1;
    private Message[] sorted;

    public MessageListService(MailAccount account) {
        this.account = account;
    }

    public int count(String folderName) throws MessagingException {
        synchronized (account) {
            // A fresh SELECT: Jakarta Mail keeps messages expunged meanwhile (by a move here, another tab or
            // another client) in its count until the folder is re-opened, and the rows must match the server.
            return account.reopen(folderName).getMessageCount();
        }
    }

    public List<MessageSummary> page(String folderName, MessageSort sort, boolean descending, int offset, int limit)
        throws MessagingException {
        synchronized (account) {
            IMAPFolder folder = account.open(folderName);
            int count = folder.getMessageCount();
            if (offset >= count || limit <= 0) {
                return List.of();
            }
            int end = Math.min(count, offset + limit);
            Message[] messages;
            if (sort == MessageSort.DATE && descending) {
                int[] numbers = new int[end - offset];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = count - offset - i;
                }
                messages = folder.getMessages(numbers);
            } else if (sort == MessageSort.DATE) {
                messages = folder.getMessages(offset + 1, end);
            } else {
                Message[] all = sorted(folder, sort, descending, count);
                messages = Arrays.copyOfRange(all, Math.min(offset, all.length), Math.min(end, all.length));
            }
            folder.fetch(messages, profile());
            List<MessageSummary> rows = new ArrayList<>(messages.length);
            for (Message message : messages) {
                if (!message.isExpunged()) {
                    rows.add(summary(folder, (IMAPMessage) message));
                }
            }
            return rows;
        }
    }

    /** Forget a cached server-side order (after a move, delete or new mail). */
    public void invalidate() {
        sorted = null;
    }

    private Message[] sorted(IMAPFolder folder, MessageSort sort, boolean descending, int count) throws MessagingException {
        if (sorted != null && folder.getFullName().equals(sortedFolder) && sort == sortedBy
            && descending == sortedDescending && count == sortedCount) {
            return sorted;
        }
        Message[] result;
        try {
            SortTerm[] terms = descending ? new SortTerm[] {SortTerm.REVERSE, sort.term} : new SortTerm[] {sort.term};
            result = folder.getSortedMessages(terms);
        } catch (MessagingException unsupported) {
            // No SORT on the server: sort the envelopes here (fine for a few thousand messages).
            result = folder.getMessages();
            FetchProfile fp = new FetchProfile();
            fp.add(FetchProfile.Item.ENVELOPE);
            fp.add(FetchProfile.Item.SIZE);
            folder.fetch(result, fp);
            Comparator<Message> order = clientOrder(sort);
            Arrays.sort(result, descending ? order.reversed() : order);
        }
        sorted = result;
        sortedFolder = folder.getFullName();
        sortedBy = sort;
        sortedDescending = descending;
        sortedCount = count;
        return result;
    }

    private static Comparator<Message> clientOrder(MessageSort sort) {
        return switch (sort) {
            case FROM -> Comparator.comparing(m -> safe(() -> firstAddress(m.getFrom())).toLowerCase());
            case SUBJECT -> Comparator.comparing(m -> safe(() -> m.getSubject() == null ? "" : m.getSubject()).toLowerCase());
            case SIZE -> Comparator.comparingInt(m -> Integer.parseInt(safe(() -> Integer.toString(m.getSize()))));
            case DATE -> Comparator.comparingInt(Message::getMessageNumber);
        };
    }

    private interface MessagingSupplier {
        String get() throws MessagingException;
    }

    private static String safe(MessagingSupplier supplier) {
        try {
            return supplier.get();
        } catch (MessagingException e) {
            return "";
        }
    }

    static FetchProfile profile() {
        FetchProfile fp = new FetchProfile();
        fp.add(FetchProfile.Item.ENVELOPE);
        fp.add(FetchProfile.Item.FLAGS);
        fp.add(FetchProfile.Item.SIZE);
        fp.add(FetchProfile.Item.CONTENT_INFO);
        fp.add(UIDFolder.FetchProfileItem.UID);
        return fp;
    }

    static MessageSummary summary(IMAPFolder folder, IMAPMessage message) throws MessagingException {
        Flags flags = message.getFlags();
        return new MessageSummary(
            folder.getUID(message),
            firstAddress(message.getFrom()),
            firstAddress(message.getRecipients(Message.RecipientType.TO)),
            message.getSubject() == null ? "" : TextDecoding.normalize(message.getSubject()),
            message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate(),
            message.getSize(),
            flags.contains(Flags.Flag.SEEN),
            flags.contains(Flags.Flag.FLAGGED),
            flags.contains(Flags.Flag.ANSWERED),
            hasAttachment(message));
    }

    static String firstAddress(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        if (addresses[0] instanceof InternetAddress address) {
            String personal = address.getPersonal();
            return personal != null && !personal.isBlank() ? TextDecoding.normalize(personal) : address.getAddress();
        }
        return addresses[0].toString();
    }

    /** From the BODYSTRUCTURE only: a multipart/mixed (or a part marked as attachment) counts. */
    static boolean hasAttachment(IMAPMessage message) throws MessagingException {
        if (message.isMimeType("multipart/mixed")) {
            return true;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition());
    }
}
