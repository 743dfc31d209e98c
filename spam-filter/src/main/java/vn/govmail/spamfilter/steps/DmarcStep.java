package vn.govmail.spamfilter.steps;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.DomainNames;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.dns.DnsClient;

/**
 * DMARC (RFC 7489): the From domain's policy, honoured. Passes when SPF passed for an aligned MAIL FROM
 * domain or a valid DKIM signature is aligned with From (relaxed: same organizational domain; strict:
 * same name). Runs after the SPF and DKIM steps, whose results it reads from the context.
 * A failing {@code p=reject} forces at least {@code spam.dmarc.reject.action} (default REJECT),
 * {@code p=quarantine} at least JUNK.
 */
public final class DmarcStep implements ScanStep {
    private final DnsClient dns;
    private final SpamFilterSettings settings;
    private final Action rejectAction;

    public DmarcStep(DnsClient dns, SpamFilterSettings settings) {
        this.dns = dns;
        this.settings = settings;
        this.rejectAction = Action.valueOf(settings.get("spam.dmarc.reject.action", "REJECT").toUpperCase(Locale.ROOT));
    }

    @Override
    public String name() {
        return "dmarc";
    }

    @Override
    public void apply(ScanContext context) throws IOException {
        String fromDomain = DomainNames.normalize(context.message().fromDomain());
        if (fromDomain.isEmpty()) {
            return;
        }
        String organizational = DomainNames.organizational(fromDomain);
        Map<String, String> record = lookup(fromDomain);
        boolean subdomain = false;
        if (record == null && !organizational.equals(fromDomain)) {
            record = lookup(organizational);
            subdomain = true;
        }
        if (record == null) {
            context.authResult("dmarc=none header.from=" + fromDomain);
            return;
        }
        String policy = subdomain && record.containsKey("sp") ? record.get("sp") : record.getOrDefault("p", "none");
        boolean strictSpf = "s".equals(record.get("aspf"));
        boolean strictDkim = "s".equals(record.get("adkim"));

        String mailFromDomain = context.envelope().mailFromDomain().isEmpty()
                ? DomainNames.normalize(context.envelope().helo()) : context.envelope().mailFromDomain();
        boolean spfAligned = "pass".equals(context.spfResult()) && aligned(mailFromDomain, fromDomain, strictSpf);
        boolean dkimAligned = context.dkimPassDomains().stream().anyMatch(d -> aligned(d, fromDomain, strictDkim));
        if (spfAligned || dkimAligned) {
            context.authResult("dmarc=pass (p=" + policy + ") header.from=" + fromDomain);
            context.hit(RuleHit.of("DMARC_PASS", settings.score("DMARC_PASS"), "aligned " + (dkimAligned ? "DKIM" : "SPF")));
            return;
        }
        context.authResult("dmarc=fail (p=" + policy + ") header.from=" + fromDomain);
        switch (policy) {
            case "reject" -> context.hit(new RuleHit("DMARC_FAIL_REJECT", settings.score("DMARC_FAIL_REJECT"),
                    fromDomain + " asks to reject unaligned mail", rejectAction));
            case "quarantine" -> context.hit(new RuleHit("DMARC_FAIL_QUARANTINE", settings.score("DMARC_FAIL_QUARANTINE"),
                    fromDomain + " asks to quarantine unaligned mail", Action.JUNK));
            default -> context.hit(RuleHit.of("DMARC_FAIL_NONE", settings.score("DMARC_FAIL_NONE"), "no aligned SPF or DKIM"));
        }
    }

    private static boolean aligned(String authenticated, String fromDomain, boolean strict) {
        if (authenticated == null || authenticated.isEmpty()) {
            return false;
        }
        return strict ? DomainNames.normalize(authenticated).equals(fromDomain)
                : DomainNames.organizational(authenticated).equals(DomainNames.organizational(fromDomain));
    }

    private Map<String, String> lookup(String domain) throws IOException {
        List<String> records = dns.txt("_dmarc." + domain).stream()
                .filter(txt -> txt.toLowerCase(Locale.ROOT).startsWith("v=dmarc1")).toList();
        if (records.size() != 1) {
            return null;   // none, or several: RFC 7489 6.6.3 says no policy applies
        }
        Map<String, String> tags = new HashMap<>();
        for (String part : records.get(0).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }
}
