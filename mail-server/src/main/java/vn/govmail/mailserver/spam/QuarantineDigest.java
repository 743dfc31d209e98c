package vn.govmail.mailserver.spam;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quarantine digest: to every local user with mail quarantined for them since their last digest (and still
 * waiting), one mail in Vietnamese with an English line, listing sender, subject, date and reasons and saying how to
 * release (the webmail's "Thư cách ly" view). The user's "last digest" mark advances to the newest mail listed,
 * after the digest is on the (durable) spool: a mail quarantined while a digest is being built goes into the next.
 */
@Singleton
public class QuarantineDigest {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigest.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    private final Quarantine quarantine;
    private final QuarantineDigestStore store;
    private final MailetContext mailetContext;
    private final UsersRepository users;
    private final SpamFilterService settings;

    @Inject
    public QuarantineDigest(Quarantine quarantine, QuarantineDigestStore store, MailetContext mailetContext,
                            UsersRepository users, SpamFilterService settings) {
        this.quarantine = quarantine;
        this.store = store;
        this.mailetContext = mailetContext;
        this.users = users;
        this.settings = settings;
    }

    /** Sends the digests due now; answers the users mailed. One run at a time (scheduled and admin-triggered). */
    public synchronized List<String> sendNow() throws MessagingException, SQLException {
        Map<String, List<Quarantine.Entry>> byUser = new LinkedHashMap<>();
        for (Quarantine.Entry entry : quarantine.listAll()) {
            for (String recipient : entry.recipients()) {
                byUser.computeIfAbsent(recipient, r -> new ArrayList<>()).add(entry);
            }
        }
        List<String> mailed = new ArrayList<>();
        for (Map.Entry<String, List<Quarantine.Entry>> user : byUser.entrySet()) {
            if (!isLocalUser(user.getKey())) {
                continue;
            }
            Optional<Instant> since = store.lastUntil(user.getKey());
            List<Quarantine.Entry> fresh = user.getValue().stream()
                .filter(entry -> since.map(s -> entry.quarantinedAt().isAfter(s)).orElse(true))
                .sorted(Comparator.comparing(Quarantine.Entry::quarantinedAt)).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            try {
                MailAddress to = new MailAddress(user.getKey());
                mailetContext.sendMail(mailetContext.getPostmaster(), List.of(to), message(to, fresh));
                store.recordSent(user.getKey(), fresh.get(fresh.size() - 1).quarantinedAt());
                mailed.add(user.getKey());
            } catch (MessagingException | SQLException e) {
                LOGGER.warn("Quarantine digest for {} not sent: {}", user.getKey(), e.getMessage());
            }
        }
        LOGGER.info("Quarantine digest sent to {} user(s)", mailed.size());
        return mailed;
    }

    private boolean isLocalUser(String address) {
        try {
            return users.contains(Username.of(address));
        } catch (Exception e) {
            return false;
        }
    }

    MimeMessage message(MailAddress to, List<Quarantine.Entry> entries) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        try {
            message.setFrom(new InternetAddress(mailetContext.getPostmaster().asString(), "Hệ thống thư điện tử", StandardCharsets.UTF_8.name()));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, to.toInternetAddress().orElseThrow());
        message.setSubject("Thư cách ly: " + entries.size() + " thư nghi ngờ đang được giữ lại / "
            + entries.size() + " quarantined message(s)", StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Govmail-Quarantine", "digest");
        message.setSentDate(new java.util.Date());
        message.setText(text(to, entries), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    private String text(MailAddress to, List<Quarantine.Entry> entries) {
        String link = settings.webmailUrl() + "quarantine";
        StringBuilder text = new StringBuilder();
        text.append("Kính gửi ").append(to.asString()).append(",\n\n")
            .append("Hệ thống đã giữ lại (cách ly) ").append(entries.size())
            .append(" thư gửi cho bạn vì nghi ngờ là thư rác, lừa đảo hoặc chứa mã độc. Các thư này chưa được đưa vào hộp thư.\n")
            .append("English: ").append(entries.size())
            .append(" message(s) to you were quarantined as suspected spam, phishing or malware.\n\n");
        int n = 1;
        for (Quarantine.Entry entry : entries) {
            text.append(n++).append(". Ngày / Date: ").append(DATE.format(entry.quarantinedAt())).append('\n')
                .append("   Người gửi / From: ").append(entry.from().isEmpty() ? "(không có / none)" : entry.from())
                .append(entry.sender().isEmpty() ? "" : " (phong bì / envelope: " + entry.sender() + ")").append('\n')
                .append("   Tiêu đề / Subject: ").append(entry.subject()).append('\n')
                .append("   Lý do / Reasons: ").append(entry.reasons().isEmpty() ? "—" : String.join(", ", entry.reasons()))
                .append(" (điểm / score ").append(entry.score()).append(")\n\n");
        }
        text.append("Nếu một thư là thư hợp lệ, hãy đăng nhập webmail, mở mục \"Thư cách ly\" và chọn \"Nhận thư\" để đưa thư vào hộp thư đến:\n")
            .append(link).append('\n')
            .append("English: to release a legitimate message, sign in to the webmail, open \"Quarantine\" and choose \"Release\".\n\n")
            .append("Đừng mở liên kết hay tệp đính kèm trong thư mà bạn không chờ đợi. Đây là thư tự động, xin đừng trả lời.\n")
            .append("This is an automatic message; please do not reply.\n");
        return text.toString();
    }
}
