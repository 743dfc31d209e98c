package vn.govmail.mailserver.role;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.govmail.mailserver.account.AccountStatusStore;

/**
 * Who may send as an address (SMTP MAIL FROM and the From header on submission): James's rule (one's own
 * address and aliases), plus the role mailboxes one is a member of, unless the role mailbox is disabled.
 */
public class RoleAwareCanSendFrom implements CanSendFrom {
    private final CanSendFromImpl aliases;
    private final RoleMailboxStore roles;
    private final AccountStatusStore accounts;

    @Inject
    public RoleAwareCanSendFrom(CanSendFromImpl aliases, RoleMailboxStore roles, AccountStatusStore accounts) {
        this.aliases = aliases;
        this.roles = roles;
        this.accounts = accounts;
    }

    @Override
    public boolean userCanSendFrom(Username connectedUser, Username fromUser) {
        return aliases.userCanSendFrom(connectedUser, fromUser) || isRoleMember(connectedUser, fromUser);
    }

    @Override
    public Publisher<Boolean> userCanSendFromReactive(Username connectedUser, Username fromUser) {
        return Mono.fromCallable(() -> userCanSendFrom(connectedUser, fromUser)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Stream<MailAddress> allValidFromAddressesForUser(Username user)
            throws RecipientRewriteTable.ErrorMappingException, RecipientRewriteTableException {
        List<MailAddress> addresses = new java.util.ArrayList<>(aliases.allValidFromAddressesForUser(user).toList());
        try {
            for (Map.Entry<String, List<String>> role : roles.all().entrySet()) {
                if (role.getValue().contains(user.asString()) && !accounts.isDisabled(Username.of(role.getKey()))) {
                    addresses.add(new MailAddress(role.getKey()));
                }
            }
        } catch (SQLException | javax.mail.internet.AddressException e) {
            throw new RecipientRewriteTableException("Cannot read the role mailboxes of " + user.asString(), e);
        }
        return addresses.stream().distinct();
    }

    private boolean isRoleMember(Username connectedUser, Username fromUser) {
        try {
            return roles.isMember(fromUser.asString(), connectedUser.asString()) && !accounts.isDisabled(fromUser);
        } catch (SQLException e) {
            return false; // refusing to send as someone else is the safe answer when the check cannot be made
        }
    }
}
