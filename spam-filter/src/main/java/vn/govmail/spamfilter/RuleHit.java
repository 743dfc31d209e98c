package vn.govmail.spamfilter;

/**
 * One rule that fired.
 *
 * @param rule      rule name, upper case (e.g. {@code SPF_FAIL}); its score is configurable as {@code spam.score.RULE}
 * @param score     points added (negative for good signs)
 * @param detail    a short human explanation, safe to put in a header (no secrets)
 * @param atLeast   an action this rule forces whatever the total score (malware, DMARC reject), or null
 */
public record RuleHit(String rule, double score, String detail, Action atLeast) {
    public static RuleHit of(String rule, double score, String detail) {
        return new RuleHit(rule, score, detail, null);
    }
}
