package vn.govmail.mailserver.spam;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.annotation.PreDestroy;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Suppliers;

import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.spamfilter.SpamFilter;
import vn.govmail.spamfilter.SpamFilterSettings;

/**
 * The mail server's one spam filter (the {@code spam-filter} library's Camel pipeline), started from the
 * {@code spam.*} settings, with token statistics and sender lists in the platform's PostgreSQL and our
 * hosted domains (from James's domain list) as the "local" domains.
 */
public class SpamFilterService {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpamFilterService.class);

    private final SpamFilterSettings settings;
    private final SpamFilter filter;
    private final ExecutorService scanners;
    private final TrustedNetworks trustedNetworks;

    public SpamFilterService(Properties spamProperties, String hostname, GovmailDataSource database, DomainList domains) {
        Properties properties = new Properties();
        properties.putAll(spamProperties);
        properties.putIfAbsent("spam.authserv.id", hostname);
        this.settings = new SpamFilterSettings(properties);
        com.google.common.base.Supplier<Set<String>> cached = Suppliers.memoizeWithExpiration(() -> hostedDomains(domains), 30, TimeUnit.SECONDS);
        Supplier<Set<String>> localDomains = cached::get;
        this.trustedNetworks = TrustedNetworks.parse(settings.list("spam.smtp.trusted.networks"));
        this.filter = SpamFilter.start(settings, database.dataSource(), localDomains);
        AtomicInteger threads = new AtomicInteger();
        this.scanners = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "spam-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LOGGER.info("Spam filter {}; SMTP budget {} ms", enabled() ? "on" : "OFF (spam.enabled=false)", smtpBudgetMillis());
    }

    private static Set<String> hostedDomains(DomainList domains) {
        try {
            return domains.getDomains().stream().map(Domain::asString).map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (Exception e) {
            LOGGER.warn("Cannot read the domain list for the spam filter: {}", e.toString());
            return Set.of();
        }
    }

    public boolean enabled() {
        return settings.flag("spam.enabled", true);
    }

    /** How long the SMTP client may wait at end of DATA for the verdict. */
    public long smtpBudgetMillis() {
        return settings.integer("spam.smtp.budget.ms", 10_000);
    }

    /**
     * Whether the SMTP-time reputation checks (DNSBL, SPF, greylisting) leave this client alone: authenticated
     * sessions and the trusted networks ({@code spam.smtp.trusted.networks}, loopback by default).
     */
    public boolean trustedClient(org.apache.james.protocols.smtp.SMTPSession session) {
        return session.getUsername() != null
            || SmtpCheckResults.client(session).map(trustedNetworks::contains).orElse(true);
    }

    /** {@code spam.smtp.dnsbl.action}: true = a listed client gets 554 at connect, false = it only scores. */
    public boolean dnsblRejects() {
        String action = settings.get("spam.smtp.dnsbl.action", "reject").trim().toLowerCase(Locale.ROOT);
        if (!action.equals("reject") && !action.equals("score")) {
            throw new IllegalArgumentException("spam.smtp.dnsbl.action must be 'reject' or 'score', not '" + action + "'");
        }
        return action.equals("reject");
    }

    /** {@code spam.smtp.spf.reject}: an SPF fail at MAIL FROM is refused with 550 5.7.23. */
    public boolean spfRejects() {
        return settings.flag("spam.smtp.spf.reject", true);
    }

    /** {@code spam.smtp.spf.enabled}: check SPF at MAIL FROM at all (else the pipeline checks it at end of DATA). */
    public boolean spfAtMailFrom() {
        return enabled() && settings.flag("spam.smtp.spf.enabled", true) && settings.flag("spam.auth.enabled", true);
    }

    public SpamFilterSettings settings() {
        return settings;
    }

    public String quarantineRepository() {
        return settings.get("spam.quarantine.repository", "jpa://var/mail/quarantine/");
    }

    /** Whether the quarantine digest is mailed every day (the admin can always send it now). */
    public boolean digestEnabled() {
        return settings.flag("spam.quarantine.digest.enabled", true);
    }

    /** The hour (0–23, Vietnam time) after which the day's digest is sent. */
    public int digestHour() {
        int hour = settings.integer("spam.quarantine.digest.hour", 7);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("spam.quarantine.digest.hour must be 0 to 23, not " + hour);
        }
        return hour;
    }

    /** The webmail's address as users reach it, for the digest's link (ends with '/'). */
    public String webmailUrl() {
        String url = settings.get("spam.quarantine.webmail.url", "https://" + settings.get("spam.authserv.id", "localhost") + "/");
        return url.endsWith("/") ? url : url + "/";
    }

    public SpamFilter filter() {
        return filter;
    }

    ExecutorService scanners() {
        return scanners;
    }

    @PreDestroy
    public void close() {
        filter.close();
        scanners.shutdownNow();
    }
}
