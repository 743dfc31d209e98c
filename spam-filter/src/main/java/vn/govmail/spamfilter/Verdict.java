package vn.govmail.spamfilter;

import java.util.List;
import java.util.Map;

/**
 * The pipeline's answer for one message.
 *
 * @param score         the sum of all rule scores
 * @param hits          the rules that fired, in pipeline order
 * @param action        what to do with the message
 * @param headers       headers to prepend, in order (Authentication-Results, X-Spam-Score, X-Spam-Status)
 * @param noOpinion     steps that failed or timed out and therefore said nothing
 */
public record Verdict(double score, List<RuleHit> hits, Action action, Map<String, String> headers,
                      List<String> noOpinion) {
    public boolean fired(String rule) {
        return hits.stream().anyMatch(hit -> hit.rule().equals(rule));
    }

    /** The reason given to a rejected SMTP client: rule names only, nothing internal. */
    public String rejectReason() {
        return hits.stream().filter(hit -> hit.score() > 0 || hit.atLeast() != null)
                .map(RuleHit::rule).reduce((a, b) -> a + "," + b).orElse("policy");
    }
}
