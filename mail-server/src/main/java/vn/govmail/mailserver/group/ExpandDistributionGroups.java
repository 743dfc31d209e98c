package vn.govmail.mailserver.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces each recipient that reaches a distribution group (the group itself, or an alias or alias-domain address
 * of it: {@link GroupRecipients}) by the accounts the group reaches now ({@link GroupExpander}), so that every member
 * gets exactly one copy even when reached several ways (two groups, a unit and a group, or named directly as well).
 * Runs in the transport processor before RecipientRewriteTable.
 * <p>The group's sender policy is checked here again with the mail's authenticated sender: mail that never passed
 * the SMTP RCPT check ({@link GroupRcptHook}), such as a Sieve {@code redirect} to the group (a new mail, with the
 * original sender and no authenticated user), is held to the same rule. Refused group recipients get a bounce
 * (processor {@code bounces}, DSN to the sender); the other recipients are delivered.
 */
public class ExpandDistributionGroups extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExpandDistributionGroups.class);
    private static final String BOUNCES = "bounces";

    private final GroupRecipients groupRecipients;
    private final GroupExpander expander;

    @Inject
    public ExpandDistributionGroups(GroupRecipients groupRecipients, GroupExpander expander) {
        this.groupRecipients = groupRecipients;
        this.expander = expander;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Map<String, MailAddress> recipients = new LinkedHashMap<>();
        List<MailAddress> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean changed = false;
        Username sender = authenticatedSender(mail);
        try {
            for (MailAddress recipient : mail.getRecipients()) {
                GroupRecipients.Reach reach = groupRecipients.reach(recipient);
                if (!reach.reachesGroups()) {
                    recipients.putIfAbsent(recipient.asString().toLowerCase(Locale.ROOT), recipient);
                    continue;
                }
                changed = true;
                Optional<String> refusal = Optional.empty();
                for (DistributionGroup group : reach.groups()) {
                    refusal = refusal.or(() -> refusalOrFailure(group, sender));
                }
                if (refusal.isPresent()) {
                    refused.add(recipient);
                    reasons.add(refusal.get());
                    LOGGER.info("Mail {} to {} refused: {}", mail.getName(), recipient.asString(), refusal.get());
                    continue;
                }
                for (DistributionGroup group : reach.groups()) {
                    for (String member : expander.expand(group.address())) {
                        recipients.putIfAbsent(member, new MailAddress(member));
                    }
                }
                reach.others().forEach(other -> recipients.putIfAbsent(other.asString().toLowerCase(Locale.ROOT), other));
                LOGGER.info("Mail {} to {} expanded to the members of {}", mail.getName(), recipient.asString(),
                    reach.groups().stream().map(DistributionGroup::address).toList());
            }
        } catch (MessagingException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // The mail goes to the error processor (kept in the error repository) rather than to the wrong people.
            throw new MessagingException("Cannot expand distribution groups: " + e.getMessage(), e);
        }
        if (!refused.isEmpty()) {
            bounce(mail, refused, String.join("; ", reasons));
        }
        if (changed) {
            mail.setRecipients(recipients.values());
            if (recipients.isEmpty()) {
                mail.setState(Mail.GHOST);
            }
        }
    }

    private Optional<String> refusalOrFailure(DistributionGroup group, Username sender) {
        try {
            return groupRecipients.refusal(group, sender);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot check the sender policy of " + group.address() + ": " + e.getMessage(), e);
        }
    }

    /** The user who authenticated to submit the mail (James's {@code SMTPAuthUser} attribute), or null. */
    private static Username authenticatedSender(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER).map(Attribute::getValue).map(AttributeValue::getValue)
            .map(value -> Username.of(value.toString())).orElse(null);
    }

    private void bounce(Mail mail, List<MailAddress> refused, String reason) throws MessagingException {
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            copy.setRecipients(refused);
            copy.setErrorMessage("550 5.7.1 " + reason);
            getMailetContext().sendMail(copy, BOUNCES);
        } finally {
            copy.dispose();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Expands govmail distribution groups (also reached through aliases and alias domains) into their member accounts, each once";
    }
}
