package vn.govmail.spamfilter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filter's configuration, read from {@code spam.*} properties (see docs/spam-filter.md for every key).
 * Every rule's score can be overridden with {@code spam.score.RULE_NAME}.
 */
public final class SpamFilterSettings {
    /** Default rule scores. Positive = spammy. Documented in docs/spam-filter.md. */
    private static final Map<String, Double> DEFAULT_SCORES = Map.ofEntries(
            Map.entry("ALLOWLISTED_SENDER", -20.0),
            Map.entry("BLOCKLISTED_SENDER", 20.0),
            Map.entry("RCVD_IN_DNSBL", 4.0),
            Map.entry("HELO_NOT_FQDN", 1.0),
            Map.entry("HELO_IP_MISMATCH", 1.5),
            Map.entry("HELO_CLAIMS_LOCAL_DOMAIN", 3.0),
            Map.entry("RDNS_NONE", 1.0),
            Map.entry("SPF_PASS", -0.5),
            Map.entry("SPF_FAIL", 3.5),
            Map.entry("SPF_SOFTFAIL", 1.0),
            Map.entry("SPF_PERMERROR", 0.5),
            Map.entry("DKIM_VALID", -0.5),
            Map.entry("DKIM_INVALID", 2.0),
            Map.entry("DMARC_PASS", -1.0),
            Map.entry("DMARC_FAIL_NONE", 1.0),
            Map.entry("DMARC_FAIL_QUARANTINE", 5.0),
            Map.entry("DMARC_FAIL_REJECT", 8.0),
            Map.entry("MISSING_DATE", 1.0),
            Map.entry("MISSING_MESSAGE_ID", 1.0),
            Map.entry("MISSING_FROM", 2.0),
            Map.entry("MULTIPLE_FROM", 2.0),
            Map.entry("DATE_IN_FUTURE", 1.5),
            Map.entry("DATE_AFTER_RECEIVED", 2.0),
            Map.entry("SUBJECT_ALL_CAPS", 1.0),
            Map.entry("FORGED_LOCAL_FROM", 2.0),
            Map.entry("URI_BLOCKLISTED", 5.0),
            Map.entry("URI_SUSPICIOUS_TLD", 1.0),
            Map.entry("URI_IP_LITERAL", 1.5),
            Map.entry("GOV_DISPLAY_NAME_SPOOF", 5.0),
            Map.entry("GOV_LOOKALIKE_DOMAIN", 6.0),
            Map.entry("PUNYCODE_HOMOGRAPH", 5.0),
            Map.entry("VI_SCAM_PHRASE", 1.2),
            Map.entry("VI_AUTHORITY_CLAIM_EXTERNAL", 1.5),
            Map.entry("ATTACH_EXECUTABLE", 10.0),
            Map.entry("ATTACH_TYPE_MISMATCH", 10.0),
            Map.entry("ATTACH_DOUBLE_EXTENSION", 6.0),
            Map.entry("ATTACH_MACRO_OFFICE", 5.0),
            Map.entry("ATTACH_ARCHIVE_EXECUTABLE", 10.0),
            Map.entry("ATTACH_ENCRYPTED_ARCHIVE", 4.0),
            Map.entry("VIRUS_FOUND", 100.0),
            Map.entry("BAYES_00", -3.0),
            Map.entry("BAYES_05", -1.5),
            Map.entry("BAYES_20", -0.5),
            Map.entry("BAYES_80", 2.0),
            Map.entry("BAYES_90", 5.0),
            Map.entry("BAYES_UNSURE", 0.0),
            Map.entry("BAYES_95", 5.0),
            Map.entry("BAYES_99", 5.5),
            Map.entry("BAYES_999", 7.0));

    private final Properties properties;
    private final Map<String, Double> scores = new HashMap<>(DEFAULT_SCORES);

    public SpamFilterSettings(Properties properties) {
        this.properties = properties;
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("spam.score.")) {
                scores.put(name.substring("spam.score.".length()).toUpperCase(Locale.ROOT),
                        Double.parseDouble(properties.getProperty(name).trim()));
            }
        }
    }

    public static SpamFilterSettings defaults() {
        return new SpamFilterSettings(new Properties());
    }

    public double score(String rule) {
        Double score = scores.get(rule);
        if (score == null) {
            throw new IllegalArgumentException("no score for rule " + rule);
        }
        return score;
    }

    public String get(String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public boolean flag(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    public double decimal(String key, double fallback) {
        return Double.parseDouble(get(key, Double.toString(fallback)));
    }

    public List<String> list(String key) {
        return Arrays.stream(get(key, "").split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public Set<String> set(String key) {
        return list(key).stream().collect(Collectors.toUnmodifiableSet());
    }

    public double junkThreshold() {
        return decimal("spam.threshold.junk", 5.0);
    }

    public double quarantineThreshold() {
        return decimal("spam.threshold.quarantine", 12.0);
    }

    public double rejectThreshold() {
        return decimal("spam.threshold.reject", 15.0);
    }

    /** The time one step may take before it is abandoned as "no opinion". */
    public long stepTimeoutMillis() {
        return integer("spam.step.timeout.ms", 3000);
    }

    /** Our hostname in {@code Authentication-Results}. */
    public String authservId() {
        return get("spam.authserv.id", "govmail");
    }

    public Set<String> localDomains() {
        return set("spam.local.domains");
    }
}
