package vn.govmail.mailserver.eoffice;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.eoffice.intake.IntakeResult;
import vn.govmail.eoffice.store.Unit;

/**
 * For mail to a unit's document address: records the official document it carries (edXML package or ordinary
 * mail with the document attached) and sends the acknowledgement and alerts. The mail itself is not changed and
 * goes on to normal delivery, so it stays in the văn thư mailbox; a failure here is logged and never loses it.
 *
 * <pre>{@code <mailet match="RecipientIsLocal" class="vn.govmail.mailserver.eoffice.EofficeInbox"/>}</pre>
 */
public class EofficeInbox extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(EofficeInbox.class);

    private final EofficeServices services;
    private final NoticeMailer mailer;

    @Inject
    public EofficeInbox(EofficeServices services, NoticeMailer mailer) {
        this.services = services;
        this.mailer = mailer;
    }

    @Override
    public void service(Mail mail) {
        try {
            Set<Unit> units = new LinkedHashSet<>();
            for (MailAddress recipient : mail.getRecipients()) {
                Optional<Unit> unit = services.unitByDocumentAddress(recipient.asString());
                unit.ifPresent(units::add);
            }
            if (units.isEmpty()) {
                return;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.getMessage().writeTo(raw);
            for (Unit unit : units) {
                IntakeResult result = services.intake().ingest(unit, raw.toByteArray());
                int sent = mailer.send(unit, result.notices());
                switch (result.kind()) {
                    case RECORDED -> LOGGER.info("eOffice: mail {} to {} recorded as document #{}{}{}; {} notice(s) sent", mail.getName(),
                        unit.documentAddress(), result.documentId(), result.secret() ? " (SECRET: content not kept)" : "",
                        result.duplicateOf() == null ? "" : " (duplicate of #" + result.duplicateOf() + ")", sent);
                    case REJECTED -> LOGGER.info("eOffice: edXML package in mail {} to {} rejected: {}", mail.getName(), unit.documentAddress(),
                        result.reason());
                    default -> LOGGER.debug("eOffice: mail {} to {} is {}", mail.getName(), unit.documentAddress(), result.kind());
                }
            }
        } catch (Exception | LinkageError e) {
            // The mail is still delivered: the clerk sees it in the mailbox even when the record could not be made.
            LOGGER.error("eOffice: could not examine mail {}; it is delivered as an ordinary mail", mail.getName(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "govmail eOffice document inbox";
    }
}
