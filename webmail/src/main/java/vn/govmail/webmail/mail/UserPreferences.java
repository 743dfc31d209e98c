package vn.govmail.webmail.mail;

import java.util.ArrayList;
import java.util.List;

/** What a user set in Settings, plus the addresses they wrote to recently (for autocomplete). */
public class UserPreferences {
    public String displayName = "";
    public String signature = "";
    public String language = "vi";
    public boolean vacationEnabled;
    public String vacationSubject = "";
    public String vacationMessage = "";
    /** Filters as the Settings form shows them (the Sieve script on the server is generated from these). */
    public final List<SieveService.Filter> filters = new ArrayList<>();
    public final List<String> recentContacts = new ArrayList<>();
    /** Senders (lower-case addresses) whose mail shows remote images without asking; revocable in Settings. */
    public final List<String> imageSenders = new ArrayList<>();
    static final int MAX_CONTACTS = 200;

    public boolean showsImagesFrom(String address) {
        return address != null && !address.isBlank() && imageSenders.contains(address.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public void showImagesFrom(String address) {
        String key = address.strip().toLowerCase(java.util.Locale.ROOT);
        if (!key.isEmpty() && !imageSenders.contains(key)) {
            imageSenders.add(key);
        }
    }

    public void rememberContacts(List<String> addresses) {
        for (String address : addresses) {
            recentContacts.removeIf(a -> a.equalsIgnoreCase(address));
            recentContacts.add(0, address);
        }
        while (recentContacts.size() > MAX_CONTACTS) {
            recentContacts.remove(recentContacts.size() - 1);
        }
    }
}
