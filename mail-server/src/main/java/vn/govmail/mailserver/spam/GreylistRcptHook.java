package vn.govmail.mailserver.spam;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.smtp.LocalRecipientHook;
import vn.govmail.spamfilter.DomainNames;
import vn.govmail.spamfilter.SpamFilterSettings;

/**
 * Optional greylisting (RFC 6647) at RCPT TO on port 25, off unless {@code spam.greylist.enabled=true}: the
 * first attempt of an unknown (client /24 or /64, sender, recipient) triplet gets {@code 451 4.7.1}; a real
 * mail server retries after {@code spam.greylist.delay.seconds} and passes. Never greylisted: authenticated
 * sessions and trusted networks, senders on an allow list (unless SPF failed), and the senders of
 * {@code spam.greylist.exempt.senders} (default {@code @gov.vn}: every government domain) whose SPF passed.
 * Only our own domains' recipients: a relay attempt is left to James's relay check (a permanent refusal) instead of
 * being invited to retry. A database failure lets the mail through.
 */
public class GreylistRcptHook implements LocalRecipientHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(GreylistRcptHook.class);

    private final SpamFilterService filter;
    private final GreylistStore store;
    private final DomainList domains;
    private final Clock clock;

    @Inject
    public GreylistRcptHook(SpamFilterService filter, GreylistStore store, DomainList domains) {
        this(filter, store, domains, Clock.systemUTC());
    }

    GreylistRcptHook(SpamFilterService filter, GreylistStore store, DomainList domains, Clock clock) {
        this.filter = filter;
        this.store = store;
        this.domains = domains;
        this.clock = clock;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        SpamFilterSettings settings = filter.settings();
        if (!filter.enabled() || !settings.flag("spam.greylist.enabled", false) || filter.trustedClient(session)
            || !isLocal(rcpt)) {
            return HookResult.DECLINED;
        }
        String from = sender.asString("").toLowerCase(Locale.ROOT);
        String spf = SmtpCheckResults.spf(session).orElse("none");
        if (!from.isEmpty() && exempt(settings, from, rcpt.asString(), spf)) {
            return HookResult.DECLINED;
        }
        InetAddress client = SmtpCheckResults.client(session).orElseThrow();
        try {
            GreylistStore.Decision decision = store.check(network(client), from, rcpt.asString().toLowerCase(Locale.ROOT), clock.instant(),
                Duration.ofSeconds(settings.integer("spam.greylist.delay.seconds", 300)),
                Duration.ofHours(settings.integer("spam.greylist.window.hours", 24)),
                Duration.ofDays(settings.integer("spam.greylist.lifetime.days", 36)));
            if (decision.pass()) {
                return HookResult.DECLINED;
            }
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                .smtpDescription("4.7.1 Greylisted: first mail from this sender to " + rcpt.asString()
                    + ", please try again in " + seconds + " seconds").build();
        } catch (Exception e) {
            LOGGER.warn("Greylisting unavailable, mail let through: {}", e.toString());
            return HookResult.DECLINED;
        }
    }

    private boolean isLocal(MailAddress rcpt) {
        try {
            return domains.containsDomain(rcpt.getDomain());
        } catch (DomainListException e) {
            return false;   // no greylisting then; the relay check and delivery decide
        }
    }

    private boolean exempt(SpamFilterSettings settings, String from, String recipient, String spf) {
        boolean forged = spf.equals("fail") || spf.equals("softfail");
        if (!forged && filter.filter().senderDecision(from, recipient).orElse(false)) {
            return true;
        }
        if (!spf.equals("pass")) {
            return false;   // a gov.vn address is only believed when its domain's SPF vouches for this client
        }
        String domain = from.substring(from.lastIndexOf('@') + 1);
        List<String> patterns = settings.list("spam.greylist.exempt.senders");
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("@")
            ? DomainNames.isSubdomainOrSelf(domain, pattern.substring(1).toLowerCase(Locale.ROOT))
            : pattern.equalsIgnoreCase(from));
    }

    /** The client's /24 (IPv4) or /64 (IPv6): big senders retry from another host of the same pool. */
    static String network(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (client instanceof Inet4Address) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(String.format("%x", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix + ":/64";
    }
}
