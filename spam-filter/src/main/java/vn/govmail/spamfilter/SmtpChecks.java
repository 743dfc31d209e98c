package vn.govmail.spamfilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import vn.govmail.spamfilter.check.DnsblChecker;
import vn.govmail.spamfilter.check.SpfChecker;

/**
 * The checks a mail server makes before the message body: DNSBL of the client at connect, SPF at MAIL FROM.
 * Each runs within {@code spam.smtp.check.timeout.ms}; a timeout or DNS failure gives no opinion (an empty
 * answer), counted in the step statistics as {@code smtp-dnsbl} / {@code smtp-spf}, so mail is never
 * refused or held up because DNS is down.
 */
public final class SmtpChecks {
    public static final String DNSBL = "smtp-dnsbl";
    public static final String SPF = "smtp-spf";

    private final DnsblChecker dnsbl;
    private final SpfChecker spf;
    private final ExecutorService executor;
    private final long timeoutMillis;
    private final StepStatistics statistics;

    SmtpChecks(DnsblChecker dnsbl, SpfChecker spf, ExecutorService executor, long timeoutMillis, StepStatistics statistics) {
        this.dnsbl = dnsbl;
        this.spf = spf;
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
        this.statistics = statistics;
    }

    /** Whether any DNSBL zone is configured (none: nothing to ask at connect). */
    public boolean dnsblConfigured() {
        return dnsbl.hasZones();
    }

    /** The zones listing the client; empty Optional = no opinion (DNS failed or too slow). */
    public Optional<List<String>> dnsbl(String clientIp) {
        return guarded(DNSBL, () -> dnsbl.listedIn(clientIp));
    }

    /** The SPF result (pass, fail, softfail, neutral, none, permerror); empty Optional = no opinion (temperror, timeout). */
    public Optional<String> spf(String clientIp, String mailFrom, String helo) {
        return guarded(SPF, () -> {
            String result = spf.check(clientIp, mailFrom, helo);
            if (result.equals("temperror")) {
                throw new IOException("SPF temperror for " + mailFrom + " from " + clientIp);
            }
            return result;
        });
    }

    private <T> Optional<T> guarded(String name, Callable<T> check) {
        return TimeLimit.run(name, check, executor, timeoutMillis, statistics);
    }
}
