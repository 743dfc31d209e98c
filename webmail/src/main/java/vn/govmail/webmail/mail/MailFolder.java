package vn.govmail.webmail.mail;

/** A folder as the folder tree shows it. */
public record MailFolder(String fullName, String name, String parent, FolderRole role, int unread, int total, boolean selectable) {
}
