package vn.govmail.spamfilter.lists;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lists kept in memory: the global lists from the properties, and lists when no database is given. */
public final class InMemorySenderLists extends SenderLists {
    private final List<ListEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    protected List<ListEntry> entriesFor(List<String> owners) {
        return entries.stream().filter(e -> owners.contains(e.owner())).toList();
    }

    @Override
    public void add(ListEntry entry) {
        remove(entry.owner(), entry.pattern());
        entries.add(new ListEntry(entry.owner().toLowerCase(java.util.Locale.ROOT),
                entry.pattern().toLowerCase(java.util.Locale.ROOT), entry.allow()));
    }

    @Override
    public boolean remove(String owner, String pattern) {
        return entries.removeIf(e -> e.owner().equalsIgnoreCase(owner) && e.pattern().equalsIgnoreCase(pattern));
    }

    @Override
    public List<ListEntry> list(String owner) {
        return entries.stream().filter(e -> e.owner().equalsIgnoreCase(owner)).toList();
    }
}
