package vn.govmail.mailserver.smtp;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

import vn.govmail.mailserver.account.AccountStatusStore;

/** A disabled account cannot log in to submit mail; the answer is the ordinary failure, revealing nothing. */
public class DisabledAccountAuthHook implements AuthHook {
    private final AccountStatusStore accounts;

    @Inject
    public DisabledAccountAuthHook(AccountStatusStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (accounts.isDisabled(username)) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode("535")
                .smtpDescription("5.7.8 Authentication credentials invalid")
                .build();
        }
        return HookResult.DECLINED;
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DECLINED;
    }
}
