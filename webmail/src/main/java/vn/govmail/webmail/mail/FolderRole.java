package vn.govmail.webmail.mail;

import java.util.Locale;

/** The RFC 6154 special-use role of a folder (INBOX included), which decides its translated label and icon. */
public enum FolderRole {
    INBOX(null, "INBOX"), DRAFTS("\\Drafts", "Drafts"), SENT("\\Sent", "Sent"), ARCHIVE("\\Archive", "Archive"),
    JUNK("\\Junk", "Junk"), TRASH("\\Trash", "Trash"), NONE(null, null);

    private final String attribute;
    private final String defaultName;

    FolderRole(String attribute, String defaultName) {
        this.attribute = attribute;
        this.defaultName = defaultName;
    }

    /** The folder name our server provisions for the role (used when LIST shows no SPECIAL-USE attribute). */
    public String defaultName() {
        return defaultName;
    }

    public String translationKey() {
        return "folder." + name().toLowerCase(Locale.ROOT);
    }

    public static FolderRole of(String fullName, String[] attributes) {
        if ("INBOX".equalsIgnoreCase(fullName)) {
            return INBOX;
        }
        if (attributes != null) {
            for (String attr : attributes) {
                for (FolderRole role : values()) {
                    if (role.attribute != null && role.attribute.equalsIgnoreCase(attr)) {
                        return role;
                    }
                }
            }
        }
        for (FolderRole role : values()) {
            if (role.defaultName != null && role.defaultName.equalsIgnoreCase(fullName)) {
                return role;
            }
        }
        return NONE;
    }
}
