package vn.govmail.webmail.mail;

import java.util.ArrayList;
import java.util.List;

/** What a user set in Settings, plus the addresses they wrote to recently (for autocomplete). */
public class UserPreferences {
    public String displayName = "";
    public String signature = "";
    public String language = "vi";
    public final List<String> recentContacts = new ArrayList<>();
    static final int MAX_CONTACTS = 200;

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
