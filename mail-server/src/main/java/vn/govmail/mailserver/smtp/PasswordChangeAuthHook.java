package vn.govmail.mailserver.smtp;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.user.api.UsersRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.account.PasswordChangeRequirements;

/**
 * An account that must change its password cannot submit mail with the old one: {@code 535 5.7.8} with a text saying
 * how to change it. Only the right password gets that text; a wrong one is left to James's ordinary failure.
 */
public class PasswordChangeAuthHook implements AuthHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(PasswordChangeAuthHook.class);

    private final PasswordChangeRequirements passwordChanges;
    private final UsersRepository users;

    @Inject
    public PasswordChangeAuthHook(PasswordChangeRequirements passwordChanges, UsersRepository users) {
        this.passwordChanges = passwordChanges;
        this.users = users;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (!passwordChanges.isRequired(username)) {
            return HookResult.DECLINED;
        }
        try {
            if (!users.test(username, password)) {
                return HookResult.DECLINED;
            }
        } catch (Exception e) {
            LOGGER.warn("Cannot check the password of {}: {}", username.asString(), e.getMessage());
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("535")
            .smtpDescription("5.7.8 " + PasswordChangeRequirements.HOW_TO_CHANGE)
            .build();
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DECLINED;
    }
}
