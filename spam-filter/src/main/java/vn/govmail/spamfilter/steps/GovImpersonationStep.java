package vn.govmail.spamfilter.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.address.Mailbox;

import vn.govmail.spamfilter.DomainNames;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.UrlExtractor;
import vn.govmail.spamfilter.bayes.Tokenizer;

/**
 * Impersonation of state bodies, the province's own staff being the favourite target:
 * <ul>
 * <li>a From display name claiming an authority ("UBND tỉnh …", "Công an …", an address ending in gov.vn)
 *     while the real address is outside gov.vn and our domains;</li>
 * <li>look-alike domains that carry "gov.vn" without being under .gov.vn ({@code laichau-gov.vn.com},
 *     {@code ubnd-laichau.gov.vn.docs-share.ru}) in From, Reply-To, MAIL FROM or links;</li>
 * <li>punycode homographs: IDN names mixing Latin with Cyrillic or Greek letters.</li>
 * </ul>
 */
public final class GovImpersonationStep implements ScanStep {
    /** Folded (no diacritics) names of authorities a display name may claim. */
    private static final Pattern AUTHORITY = Pattern.compile(
            "\\b(ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|cong an|bo cong an|cuc thue|chi cuc thue|tong cuc|chinh phu"
                    + "|van phong chinh phu|tinh uy|thanh uy|so (noi vu|tai chinh|tu phap|y te|giao duc|ke hoach|thong tin)"
                    + "|bao hiem xa hoi|bhxh|toa an|vien kiem sat)\\b|gov\\.vn");
    /** "gov.vn" with any separator, after folding: gov.vn, gov-vn, govvn, gov_vn. */
    private static final Pattern GOV_VN_MARK = Pattern.compile("gov[._-]?vn");

    private final SpamFilterSettings settings;

    public GovImpersonationStep(SpamFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean inMemoryOnly() {
        return true;
    }

    @Override
    public String name() {
        return "gov-impersonation";
    }

    @Override
    public void apply(ScanContext context) {
        Mailbox from = context.message().from();
        String fromDomain = context.message().fromDomain();
        if (from != null && from.getName() != null && !isGovOrLocal(context, fromDomain)
                && AUTHORITY.matcher(Tokenizer.fold(from.getName())).find()) {
            context.hit(RuleHit.of("GOV_DISPLAY_NAME_SPOOF", settings.score("GOV_DISPLAY_NAME_SPOOF"),
                    "display name claims a state body, address is @" + fromDomain));
        }
        List<String> domains = new ArrayList<>();
        domains.add(fromDomain);
        Mailbox replyTo = context.message().replyTo();
        if (replyTo != null && replyTo.getDomain() != null) {
            domains.add(replyTo.getDomain());
        }
        domains.add(context.envelope().mailFromDomain());
        domains.addAll(UrlExtractor.hosts(context.message()));
        boolean lookalike = false;
        boolean homograph = false;
        for (String domain : domains) {
            if (domain == null || domain.isEmpty()) {
                continue;
            }
            String unicode = DomainNames.unicode(domain);
            if (!lookalike && isGovLookalike(Tokenizer.fold(unicode))) {
                lookalike = true;
                context.hit(RuleHit.of("GOV_LOOKALIKE_DOMAIN", settings.score("GOV_LOOKALIKE_DOMAIN"), domain + " imitates gov.vn"));
            }
            if (!homograph && domain.contains("xn--") && mixesScripts(unicode)) {
                homograph = true;
                context.hit(RuleHit.of("PUNYCODE_HOMOGRAPH", settings.score("PUNYCODE_HOMOGRAPH"), domain + " = " + unicode));
            }
        }
    }

    private static boolean isGovOrLocal(ScanContext context, String domain) {
        return domain.isEmpty() || DomainNames.isSubdomainOrSelf(domain, "gov.vn") || context.isLocalDomain(domain);
    }

    /** Carries a gov.vn mark but is not a name under .gov.vn. */
    static boolean isGovLookalike(String foldedDomain) {
        String name = DomainNames.normalize(foldedDomain);
        if (DomainNames.isSubdomainOrSelf(name, "gov.vn")) {
            return false;
        }
        return GOV_VN_MARK.matcher(name.replace("0", "o")).find();
    }

    /** A label mixing Latin letters with Cyrillic, Greek or Armenian ones (or written wholly in them on a Latin TLD). */
    static boolean mixesScripts(String unicodeDomain) {
        for (String label : unicodeDomain.split("\\.")) {
            boolean latin = false;
            boolean confusable = false;
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                i += Character.charCount(cp);
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                latin |= script == Character.UnicodeScript.LATIN;
                confusable |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK
                        || script == Character.UnicodeScript.ARMENIAN;
            }
            if (confusable && (latin || unicodeDomain.toLowerCase(Locale.ROOT).matches(".*\\.(vn|com|net|org)$"))) {
                return true;
            }
        }
        return false;
    }
}
