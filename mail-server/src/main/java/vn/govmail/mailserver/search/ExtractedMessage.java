package vn.govmail.mailserver.search;

import java.util.List;

/**
 * The searchable text of one message.
 *
 * @param headerLines every header as "Name: value", unfolded; a second line with MIME encoded-words decoded when
 *                    that differs ("Subject: =?utf-8?...?=" and "Subject: Công văn")
 * @param subject     the decoded subject, for display
 * @param from        the decoded From header, for display
 * @param recipients  the decoded To, Cc and Bcc headers
 * @param body        text of the plain and HTML parts (HTML converted to text), then attachment names and text
 * @param attachmentNames file names of the attachments
 * @param truncated   whether some text was left out because of the size bounds: then the index cannot answer
 *                    BODY/TEXT alone for this message, and the search scans it
 */
record ExtractedMessage(List<String> headerLines, String subject, String from, String recipients, String body,
                        List<String> attachmentNames, boolean truncated) {
}
