package vn.govmail.mailserver.eoffice;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.eoffice.intake.Notice;
import vn.govmail.eoffice.store.Unit;

/**
 * Sends the bridge's notices (acknowledgements, statuses, alerts) as mails from the unit's document address, marked
 * Auto-Submitted (RFC 3834) so that other robots do not answer them. An edXML status package travels as the
 * attachment {@code status.edxml}.
 */
public class NoticeMailer {
    private static final Logger LOGGER = LoggerFactory.getLogger(NoticeMailer.class);
    private final MailetContext mailetContext;

    @Inject
    public NoticeMailer(MailetContext mailetContext) {
        this.mailetContext = mailetContext;
    }

    /** Sends each notice; a notice that cannot be sent is logged and does not stop the others. */
    public int send(Unit unit, List<Notice> notices) {
        int sent = 0;
        for (Notice notice : notices) {
            try {
                MailAddress sender = new MailAddress(unit.documentAddress());
                mailetContext.sendMail(sender, List.of(new MailAddress(notice.to())), message(unit, notice));
                sent++;
            } catch (Exception e) {
                LOGGER.warn("eOffice: could not send '{}' to {}: {}", notice.subject(), notice.to(), e.getMessage());
            }
        }
        return sent;
    }

    static MimeMessage message(Unit unit, Notice notice) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        try {
            message.setFrom(new InternetAddress(unit.documentAddress(), unit.name(), StandardCharsets.UTF_8.name()));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipients(javax.mail.Message.RecipientType.TO, InternetAddress.parse(notice.to()));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Govmail-Eoffice", "notice");
        if (notice.edxmlAttachment() == null) {
            message.setText(notice.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notice.text(), StandardCharsets.UTF_8.name());
            multipart.addBodyPart(text);
            MimeBodyPart edxml = new MimeBodyPart();
            edxml.setDataHandler(new DataHandler(new ByteArrayDataSource(notice.edxmlAttachment(), "application/xml")));
            edxml.setFileName(Notice.EDXML_ATTACHMENT_NAME);
            edxml.setDisposition(MimeBodyPart.ATTACHMENT);
            multipart.addBodyPart(edxml);
            message.setContent(multipart);
        }
        message.saveChanges();
        return message;
    }
}
