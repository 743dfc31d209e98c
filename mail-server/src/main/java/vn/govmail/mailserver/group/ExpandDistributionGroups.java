package vn.govmail.mailserver.group;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces each distribution-group recipient of a mail by the accounts the group reaches now
 * ({@link GroupExpander}), so that every member gets exactly one copy even when reached several ways (two
 * groups, a unit and a group, or named directly as well). Runs in the transport processor before
 * RecipientRewriteTable.
 */
public class ExpandDistributionGroups extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExpandDistributionGroups.class);

    private final DistributionGroupStore groups;
    private final GroupExpander expander;

    @Inject
    public ExpandDistributionGroups(DistributionGroupStore groups, GroupExpander expander) {
        this.groups = groups;
        this.expander = expander;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Map<String, MailAddress> recipients = new LinkedHashMap<>();
        boolean expanded = false;
        try {
            for (MailAddress recipient : mail.getRecipients()) {
                String key = recipient.asString().toLowerCase(Locale.ROOT);
                Optional<DistributionGroup> group = groups.find(key);
                if (group.isEmpty()) {
                    recipients.putIfAbsent(key, recipient);
                    continue;
                }
                expanded = true;
                for (String member : expander.expand(group.get().address())) {
                    recipients.putIfAbsent(member, new MailAddress(member));
                }
                LOGGER.info("Mail {} to group {} expanded", mail.getName(), key);
            }
        } catch (java.sql.SQLException | org.apache.james.user.api.UsersRepositoryException e) {
            // The mail goes to the error processor (kept in the error repository) rather than to the wrong people.
            throw new MessagingException("Cannot expand distribution groups: " + e.getMessage(), e);
        }
        if (expanded) {
            mail.setRecipients(recipients.values());
        }
    }

    @Override
    public String getMailetInfo() {
        return "Expands govmail distribution groups into their member accounts, each once";
    }
}
