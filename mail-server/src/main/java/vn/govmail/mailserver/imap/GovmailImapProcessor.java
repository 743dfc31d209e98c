package vn.govmail.mailserver.imap;

import javax.inject.Inject;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.message.Capability;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.message.response.ImapResponseMessage;
import org.apache.james.imap.message.request.AbstractMailboxSelectionRequest;
import org.apache.james.imap.message.request.AuthenticateRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.response.StatusResponse;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import vn.govmail.mailserver.account.PasswordChangeRequirements;
import org.apache.james.imap.message.response.ExistsResponse;
import org.apache.james.imap.processor.DefaultProcessor;
import org.apache.james.imap.api.ImapMessage;

import com.google.common.collect.ImmutableSet;

import reactor.core.publisher.Mono;
import vn.govmail.mailserver.role.RoleLoginProcessor;

/**
 * James's IMAP processor with four changes:
 * <ul>
 *   <li>CONDSTORE (RFC 7162) switched on: James 3.8.1 implements it but has no configuration key for it;</li>
 *   <li>AUTHENTICATE's continuation line (the credentials) runs with the connection's logging context, so
 *       the login log line ({@link LoginAuditingAuthenticator}) names the client address as LOGIN's does;</li>
 *   <li>SELECT/EXAMINE announce as EXISTS the messages the selection can address. James 3.8.1 counts them from
 *       the mailbox counters read after the selection was built, so a message delivered in between was
 *       announced but not yet fetchable ("BAD Invalid messageset"); it is announced by the next command now;</li>
 *   <li>LOGIN or AUTHENTICATE with the right password of an account that must change it answers {@code NO [ALERT]}
 *       saying how ({@link PasswordChangeRequirements}); a wrong password still gets the generic failure.</li>
 * </ul>
 * LOGIN as {@code role*member@domain} (a role mailbox opened with a member's password) goes to {@link RoleLoginProcessor}.
 */
public class GovmailImapProcessor implements ImapProcessor {
    private static final HumanReadableText CHANGE_PASSWORD = new HumanReadableText("govmail.login.password-change-required",
        PasswordChangeRequirements.HOW_TO_CHANGE);

    private final DefaultProcessor delegate;
    private final StatusResponseFactory responses;
    private final RoleLoginProcessor roleLogin;

    @Inject
    public GovmailImapProcessor(DefaultProcessor delegate, StatusResponseFactory responses, RoleLoginProcessor roleLogin) {
        this.delegate = delegate;
        this.responses = responses;
        this.roleLogin = roleLogin;
    }

    @Override
    public void configure(ImapConfiguration configuration) {
        delegate.configure(withCondstore(configuration));
        roleLogin.configure(withCondstore(configuration));
    }

    static ImapConfiguration withCondstore(ImapConfiguration configuration) {
        ImapConfiguration.Builder builder = ImapConfiguration.builder()
            .enableIdle(configuration.isEnableIdle())
            .idleTimeInterval(configuration.getIdleTimeInterval())
            .idleTimeIntervalUnit(configuration.getIdleTimeIntervalUnit())
            .disabledCaps(configuration.getDisabledCaps().stream().map(Capability::asString).collect(ImmutableSet.toImmutableSet()))
            .isCondstoreEnable(true)
            .concurrentRequests(configuration.getConcurrentRequests())
            .maxQueueSize(configuration.getMaxQueueSize())
            .isProvisionDefaultMailboxes(configuration.isProvisionDefaultMailboxes())
            .withCustomProperties(configuration.getCustomProperties());
        configuration.getAppendLimit().ifPresent(builder::appendLimit);
        return builder.build();
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        if (message instanceof AbstractMailboxSelectionRequest) {
            return delegate.processReactive(message, existsFromSelection(responder, session), session);
        }
        if (message instanceof LoginRequest login && RoleLoginProcessor.isRoleLogin(login)) {
            return roleLogin.processReactive(message, explainPasswordChange(responder), session);
        }
        if (message instanceof LoginRequest) {
            return delegate.processReactive(message, explainPasswordChange(responder), session);
        }
        if (message instanceof AuthenticateRequest) {
            return delegate.processReactive(message, explainPasswordChange(responder), LoggingContextSession.wrap(session));
        }
        return delegate.processReactive(message, responder, session);
    }

    private Responder explainPasswordChange(Responder responder) {
        return new Responder() {
            @Override
            public void respond(ImapResponseMessage response) {
                if (response instanceof StatusResponse status && status.getTag() != null
                        && status.getServerResponseType() == StatusResponse.Type.NO && PasswordChangeRefusal.take()) {
                    responder.respond(responses.taggedNo(status.getTag(), status.getCommand(), CHANGE_PASSWORD, StatusResponse.ResponseCode.alert()));
                } else {
                    responder.respond(response);
                }
            }

            @Override
            public void flush() {
                responder.flush();
            }
        };
    }

    private static Responder existsFromSelection(Responder responder, ImapSession session) {
        return new Responder() {
            @Override
            public void respond(ImapResponseMessage response) {
                if (response instanceof ExistsResponse && session.getSelected() != null) {
                    responder.respond(new ExistsResponse(session.getSelected().existsCount()));
                } else {
                    responder.respond(response);
                }
            }

            @Override
            public void flush() {
                responder.flush();
            }
        };
    }
}
