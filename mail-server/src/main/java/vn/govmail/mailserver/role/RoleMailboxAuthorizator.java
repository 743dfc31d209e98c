package vn.govmail.mailserver.role;

import java.sql.SQLException;

import javax.inject.Inject;

import org.apache.james.adapter.mailbox.UserRepositoryAuthorizator;
import org.apache.james.core.Username;
import org.apache.james.mailbox.Authorizator;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import vn.govmail.mailserver.account.AccountStatusStore;

/**
 * Decides whether an authenticated user may open another account's mailbox (IMAP AUTHENTICATE PLAIN with an
 * authorization identity, or LOGIN as {@code role*member@domain}): members of a role mailbox may open it, as
 * long as it is not disabled; James's administrators keep their right (UserRepositoryAuthorizator).
 */
public class RoleMailboxAuthorizator implements Authorizator {
    private final RoleMailboxStore roles;
    private final UsersRepository users;
    private final AccountStatusStore accounts;
    private final UserRepositoryAuthorizator administrators;

    @Inject
    public RoleMailboxAuthorizator(RoleMailboxStore roles, UsersRepository users, AccountStatusStore accounts,
                                   UserRepositoryAuthorizator administrators) {
        this.roles = roles;
        this.users = users;
        this.accounts = accounts;
        this.administrators = administrators;
    }

    @Override
    public AuthorizationState canLoginAsOtherUser(Username userId, Username otherUserId) throws MailboxException {
        try {
            if (!users.contains(otherUserId)) {
                return AuthorizationState.UNKNOWN_USER;
            }
            if (roles.isMember(otherUserId.asString(), userId.asString())) {
                return accounts.isDisabled(otherUserId) ? AuthorizationState.FORBIDDEN : AuthorizationState.ALLOWED;
            }
        } catch (UsersRepositoryException | SQLException e) {
            throw new MailboxException("Cannot check the role mailbox members of " + otherUserId.asString(), e);
        }
        return administrators.canLoginAsOtherUser(userId, otherUserId);
    }
}
