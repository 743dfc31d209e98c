package vn.govmail.eoffice.edxml;

/**
 * A status package (gói tin trạng thái): what happened to a document at the receiver.
 *
 * @param timestamp as written on the wire, yyyy/MM/dd HH:mm:ss (Vietnam time)
 */
public record EdxmlStatus(ResponseFor responseFor, Organization from, StatusCode statusCode, String description,
                          String timestamp, StaffInfo staff) implements EdxmlMessage {

    /** Who acted (StaffInfo), all optional. */
    public record StaffInfo(String department, String staff, String mobile, String email) {
    }
}
