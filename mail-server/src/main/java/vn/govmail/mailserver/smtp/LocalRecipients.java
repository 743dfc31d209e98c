package vn.govmail.mailserver.smtp;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.user.api.UsersRepository;

/**
 * Answers which single account an RCPT address lands in: the account itself, or the one account an alias
 * points to. Groups (several targets) and foreign addresses have no single account, so per-account checks
 * at RCPT time (quota, disabled) do not apply to them; the mail is then judged per member at delivery.
 */
public class LocalRecipients {
    private final DomainList domains;
    private final UsersRepository users;
    private final RecipientRewriteTable rewrites;

    @Inject
    public LocalRecipients(DomainList domains, UsersRepository users, RecipientRewriteTable rewrites) {
        this.domains = domains;
        this.users = users;
        this.rewrites = rewrites;
    }

    public Optional<Username> singleAccount(MailAddress recipient) throws Exception {
        if (!domains.containsDomain(recipient.getDomain())) {
            return Optional.empty();
        }
        Username direct = users.getUsername(recipient);
        if (users.contains(direct)) {
            return Optional.of(direct);
        }
        List<Mapping> targets = rewrites.getResolvedMappings(recipient.getLocalPart(), recipient.getDomain()).asStream().toList();
        if (targets.size() != 1) {
            return Optional.empty();
        }
        return targets.get(0).asMailAddress()
            .map(address -> Username.fromMailAddress(address))
            .filter(username -> {
                try {
                    return users.contains(username);
                } catch (Exception e) {
                    return false;
                }
            });
    }
}
