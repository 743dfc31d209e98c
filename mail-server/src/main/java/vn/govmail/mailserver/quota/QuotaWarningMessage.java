package vn.govmail.mailserver.quota;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Username;

/**
 * The RFC 5322 warning a user receives when the mailbox crosses 80 % or 95 % of its quota: from
 * {@code postmaster@<the user's domain>}, subject and body in Vietnamese first, then English.
 */
public final class QuotaWarningMessage {
    private QuotaWarningMessage() {
    }

    public static byte[] render(Username user, int level, long usedBytes, long limitBytes, long usedMessages, long limitMessages) {
        String domain = user.getDomainPart().map(d -> d.asString()).orElse("localhost");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("postmaster@" + domain, "Quản trị hệ thống thư / Postmaster", "UTF-8"));
            message.setRecipient(javax.mail.Message.RecipientType.TO, new InternetAddress(user.asString()));
            message.setSentDate(new Date());
            message.setSubject("Cảnh báo: hộp thư đã dùng " + level + "% dung lượng / Warning: your mailbox is " + level + "% full", "UTF-8");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Govmail-Quota-Warning", Integer.toString(level));
            message.setText(body(user, level, usedBytes, limitBytes, usedMessages, limitMessages), "UTF-8");
            message.saveChanges();
            message.setHeader("Message-ID", "<quota-warning-" + level + "-" + System.currentTimeMillis() + "." + user.asString().replace('@', '.') + "@" + domain + ">");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot build the quota warning for " + user.asString(), e);
        }
    }

    private static String body(Username user, int level, long usedBytes, long limitBytes, long usedMessages, long limitMessages) {
        String storage = limitBytes > 0 ? megabytes(usedBytes) + " / " + megabytes(limitBytes) : megabytes(usedBytes);
        String count = limitMessages > 0 ? usedMessages + " / " + limitMessages : Long.toString(usedMessages);
        return """
            Kính gửi %1$s,

            Hộp thư của bạn đã sử dụng %2$d%% dung lượng cho phép (dung lượng: %3$s; số thư: %4$s).
            Khi hộp thư đầy, thư gửi đến bạn sẽ bị từ chối. Vui lòng xoá các thư không cần thiết
            (nhất là thư có tệp đính kèm lớn), dọn thư mục Thùng rác (Trash) và Thư rác (Junk),
            hoặc liên hệ bộ phận quản trị thư điện tử của đơn vị để được nâng dung lượng.

            ----------------------------------------------------------------------

            Dear %1$s,

            Your mailbox has used %2$d%% of its quota (storage: %3$s; messages: %4$s).
            When it is full, mail sent to you will be refused. Please delete messages you no longer
            need (especially those with large attachments), empty the Trash and Junk folders,
            or ask your mail administrator for a larger quota.

            -- 
            Hệ thống thư điện tử công vụ / Official mail system
            """.formatted(user.asString(), level, storage, count);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
