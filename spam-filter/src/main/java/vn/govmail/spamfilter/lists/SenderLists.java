package vn.govmail.spamfilter.lists;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.govmail.spamfilter.DomainNames;

/**
 * Allow and block lists. The most specific owner decides (the user's own list over the domain's over the
 * global one); at the same level a block beats an allow.
 */
public abstract class SenderLists {

    /** Entries of the given owners (recipient address, recipient domain, "*"). */
    protected abstract List<ListEntry> entriesFor(List<String> owners);

    public abstract void add(ListEntry entry);

    public abstract boolean remove(String owner, String pattern);

    public abstract List<ListEntry> list(String owner);

    /** true = allowed, false = blocked, empty = not listed. */
    public Optional<Boolean> decide(String sender, String recipient) {
        String from = sender.toLowerCase(Locale.ROOT);
        String to = recipient.toLowerCase(Locale.ROOT);
        String recipientDomain = to.substring(to.lastIndexOf('@') + 1);
        List<ListEntry> entries = entriesFor(List.of(to, recipientDomain, "*"));
        for (String owner : List.of(to, recipientDomain, "*")) {
            List<ListEntry> matching = entries.stream().filter(e -> e.owner().equals(owner) && matches(e.pattern(), from)).toList();
            if (matching.stream().anyMatch(e -> !e.allow())) {
                return Optional.of(false);
            }
            if (!matching.isEmpty()) {
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }

    /** The first of the lists that knows the sender decides (stored lists before configured ones). */
    public static Optional<Boolean> decide(List<SenderLists> lists, String sender, String recipient) {
        return lists.stream().map(list -> list.decide(sender, recipient)).flatMap(Optional::stream).findFirst();
    }

    static boolean matches(String pattern, String sender) {
        if (pattern.startsWith("@")) {
            int at = sender.lastIndexOf('@');
            return at >= 0 && DomainNames.isSubdomainOrSelf(sender.substring(at + 1), pattern.substring(1));
        }
        return pattern.equals(sender);
    }
}
