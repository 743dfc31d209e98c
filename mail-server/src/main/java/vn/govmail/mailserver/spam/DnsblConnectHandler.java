package vn.govmail.mailserver.spam;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS blocklists at connect (port 25): the client's address is looked up in {@code spam.dnsbl.zones}. With
 * {@code spam.smtp.dnsbl.action=reject} (default) a listed client gets {@code 554 5.7.1} naming the zone
 * instead of a greeting and the connection is closed (RFC 5321 §3.1); with {@code score} the listings
 * ride in the session and score {@code RCVD_IN_DNSBL} at end of DATA without a second lookup. Trusted
 * networks are not looked up; a DNS failure or timeout gives no opinion and the client is served.
 */
public class DnsblConnectHandler implements ConnectHandler<SMTPSession> {
    private static final Logger LOGGER = LoggerFactory.getLogger(DnsblConnectHandler.class);
    /**
     * "Nothing to say": James writes every non-null connect response and its JMX statistics need one, so a
     * response without lines (nothing reaches the client) lets the greeting handler speak.
     */
    private static final Response NOTHING = new Response() {
        @Override
        public String getRetCode() {
            return "";
        }

        @Override
        public List<CharSequence> getLines() {
            return List.of();
        }

        @Override
        public boolean isEndSession() {
            return false;
        }
    };

    private final SpamFilterService filter;

    @Inject
    public DnsblConnectHandler(SpamFilterService filter) {
        this.filter = filter;
    }

    @Override
    public Response onConnect(SMTPSession session) {
        if (!filter.enabled() || !filter.filter().smtpChecks().dnsblConfigured() || filter.trustedClient(session)) {
            return NOTHING;
        }
        String ip = SmtpCheckResults.client(session).orElseThrow().getHostAddress();
        Optional<List<String>> listings = filter.filter().smtpChecks().dnsbl(ip);
        // no opinion (DNS down or slow, counted): serve the client, and the pipeline does not wait for DNS again
        SmtpCheckResults.dnsbl(session, listings.orElse(List.of()));
        if (listings.isEmpty() || listings.get().isEmpty() || !filter.dnsblRejects()) {
            return NOTHING;
        }
        LOGGER.info("Refused connection from {}: listed in {}", ip, listings.get());
        SMTPResponse refusal = new SMTPResponse("554", "5.7.1 Service unavailable; client host [" + ip + "] blocked using "
            + String.join(", ", listings.get()));
        refusal.setEndSession(true);
        return refusal;
    }
}
