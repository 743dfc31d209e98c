package vn.govmail.mailserver.smtp;

import javax.inject.Inject;
import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;

/**
 * An authenticated user may only put their own address, or an alias they own, in the From header. James
 * checks the envelope sender ({@code verifyIdentity}); this closes the header, which is what recipients see.
 */
public class FromHeaderOwnershipHook implements JamesMessageHook {
    private final CanSendFrom canSendFrom;

    @Inject
    public FromHeaderOwnershipHook(CanSendFrom canSendFrom) {
        this.canSendFrom = canSendFrom;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Username user = session.getUsername();
        if (user == null) {
            return HookResult.DECLINED;
        }
        Address[] from;
        try {
            from = mail.getMessage().getFrom();
        } catch (AddressException e) {
            return deny("5.6.0 The From header cannot be parsed: " + e.getMessage());
        } catch (MessagingException e) {
            return deny("5.6.0 The message header cannot be read");
        }
        if (from == null || from.length == 0) {
            return HookResult.DECLINED;
        }
        for (Address address : from) {
            String email = ((InternetAddress) address).getAddress();
            if (email == null || !owns(user, email)) {
                return deny("5.7.1 You may not send as <" + email + ">: use your own address or an alias you own in From");
            }
        }
        return HookResult.DECLINED;
    }

    private boolean owns(Username user, String email) {
        try {
            return canSendFrom.userCanSendFrom(user, Username.of(email));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HookResult deny(String description) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription(description)
            .build();
    }
}
