package vn.govmail.webmail.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What the compose form's To/Cc/Bcc fields offer while the user types: the user's recent contacts first (they are
 * who one usually writes to), then the province directory (every account of the domain, with unit and title),
 * one row per address. Both are matched without diacritics ("tran thi" finds "Trần Thị B").
 */
public final class AddressSuggestions {
    /** One row: {@code label} is what goes into the field ("Trần Thị B &lt;tranthib@…&gt;"). */
    public record Suggestion(String label, String address, String name, String unit, String title, String kind) {
        public String details() {
            List<String> parts = new ArrayList<>();
            for (String part : new String[] {unit, title}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            return String.join(" · ", parts);
        }

        public static Suggestion of(String address, String name, String unit, String title, String kind) {
            String label = address;
            if (name != null && !name.isBlank()) {
                try {
                    label = new InternetAddress(address, name, "UTF-8").toUnicodeString();
                } catch (java.io.UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Suggestion(label, address, name, unit, title, kind);
        }
    }

    private final Supplier<List<String>> recentContacts;
    private final BiFunction<String, Integer, List<Suggestion>> directory;

    /** {@code directory}: (query, limit) → matches; an empty list when it cannot be asked. */
    public AddressSuggestions(Supplier<List<String>> recentContacts, BiFunction<String, Integer, List<Suggestion>> directory) {
        this.recentContacts = recentContacts;
        this.directory = directory;
    }

    public List<Suggestion> suggest(String query, int limit) {
        String key = TextDecoding.fold(query == null ? "" : query).strip();
        Map<String, Suggestion> byAddress = new LinkedHashMap<>();
        for (String contact : recentContacts.get()) {
            if (byAddress.size() >= limit) {
                break;
            }
            if (key.isEmpty() || TextDecoding.fold(contact).contains(key)) {
                Suggestion recent = parse(contact);
                byAddress.putIfAbsent(recent.address().toLowerCase(Locale.ROOT), recent);
            }
        }
        if (byAddress.size() < limit) {
            for (Suggestion entry : directory.apply(query == null ? "" : query.strip(), limit)) {
                // A directory row knows more (unit, title) than the recent contact with the same address.
                byAddress.put(entry.address().toLowerCase(Locale.ROOT), entry);
            }
        }
        return byAddress.values().stream().limit(limit).toList();
    }

    private static Suggestion parse(String contact) {
        try {
            InternetAddress address = new InternetAddress(contact, false);
            return new Suggestion(contact, address.getAddress(), address.getPersonal(), null, null, "recent");
        } catch (AddressException e) {
            return new Suggestion(contact, contact, null, null, null, "recent");
        }
    }
}
