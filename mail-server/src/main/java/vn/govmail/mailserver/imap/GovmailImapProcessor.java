package vn.govmail.mailserver.imap;

import java.io.Closeable;
import java.io.IOException;

import javax.inject.Inject;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.api.message.Capability;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.AuthenticateRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.processor.DefaultProcessor;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.util.MDCBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.google.common.collect.ImmutableSet;

import reactor.core.publisher.Mono;

/**
 * James's IMAP processor with two additions:
 * <ul>
 *   <li>CONDSTORE (RFC 7162) switched on: James 3.8.1 implements it but has no configuration key for it;</li>
 *   <li>one log line per LOGIN/AUTHENTICATE with user, client address and result (never the password).</li>
 * </ul>
 */
public class GovmailImapProcessor implements ImapProcessor {
    private static final Logger LOGGER = LoggerFactory.getLogger("govmail.imap");

    private final DefaultProcessor delegate;

    @Inject
    public GovmailImapProcessor(DefaultProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(ImapConfiguration configuration) {
        delegate.configure(withCondstore(configuration));
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
        if (message instanceof LoginRequest || message instanceof AuthenticateRequest) {
            boolean wasAuthenticated = session.getState() != ImapSessionState.NON_AUTHENTICATED;
            return delegate.processReactive(message, responder, session)
                .doOnTerminate(() -> logLogin((ImapRequest) message, session, wasAuthenticated));
        }
        return delegate.processReactive(message, responder, session);
    }

    private static void logLogin(ImapRequest request, ImapSession session, boolean wasAuthenticated) {
        if (wasAuthenticated) {
            return;
        }
        boolean success = session.getState() == ImapSessionState.AUTHENTICATED;
        String user = request instanceof LoginRequest login ? login.getUserid().asString()
            : session.getUserName() != null ? session.getUserName().asString() : "-";
        Object boundMdc = session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY);
        try (Closeable mdc = boundMdc instanceof MDCBuilder builder ? builder.build() : () -> { }) {
            LOGGER.info("imap login {} user={} from={} tls={}", success ? "ok" : "failed", user,
                MDC.get(MDCBuilder.IP), session.isTLSActive());
        } catch (IOException e) {
            LOGGER.debug("Cannot restore the logging context", e);
        }
    }
}
