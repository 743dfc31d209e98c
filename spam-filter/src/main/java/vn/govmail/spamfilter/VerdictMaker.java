package vn.govmail.spamfilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last processor of the route: sums the scores, picks the action (thresholds, then any action a rule
 * forces) and writes the headers. Replaces the exchange body with the {@link Verdict}.
 */
final class VerdictMaker implements Processor {
    private final SpamFilterSettings settings;

    VerdictMaker(SpamFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setBody(decide(exchange.getIn().getBody(ScanContext.class)));
    }

    Verdict decide(ScanContext context) {
        creditAllowList(context);
        List<RuleHit> hits = context.hits();
        double score = Math.round(context.score() * 100) / 100.0;
        Action action = byScore(score);
        for (RuleHit hit : hits) {
            action = action.atLeast(hit.atLeast());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authentication-Results", authenticationResults(context));
        headers.put("X-Spam-Score", format(score));
        headers.put("X-Spam-Status", (action == Action.DELIVER ? "No" : "Yes")
                + ", score=" + format(score) + " required=" + format(settings.junkThreshold())
                + " action=" + action.name().toLowerCase(Locale.ROOT)
                + " tests=" + (hits.isEmpty() ? "none" : hits.stream()
                        .map(hit -> hit.rule() + "=" + format(hit.score())).collect(Collectors.joining(",")))
                + (context.noOpinionSteps().isEmpty() ? "" : " unavailable=" + String.join(",", context.noOpinionSteps())));
        return new Verdict(score, hits, action, headers, context.noOpinionSteps());
    }

    /** An allowlisted sender counts only when SPF and DMARC did not say the sender was forged. */
    private void creditAllowList(ScanContext context) {
        boolean forged = context.spfResult().equals("fail") || context.spfResult().equals("softfail")
                || context.hits().stream().anyMatch(hit -> hit.rule().startsWith("DMARC_FAIL"));
        if (context.allowListed() && !forged) {
            context.hit(RuleHit.of("ALLOWLISTED_SENDER", settings.score("ALLOWLISTED_SENDER"), "sender on an allow list"));
        }
    }

    private Action byScore(double score) {
        if (score >= settings.rejectThreshold()) {
            return Action.REJECT;
        }
        if (score >= settings.quarantineThreshold()) {
            return Action.QUARANTINE;
        }
        if (score >= settings.junkThreshold()) {
            return Action.JUNK;
        }
        return Action.DELIVER;
    }

    private String authenticationResults(ScanContext context) {
        List<String> results = context.authResults();
        return settings.authservId() + "; " + (results.isEmpty() ? "none" : String.join(";\r\n\t", results));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
