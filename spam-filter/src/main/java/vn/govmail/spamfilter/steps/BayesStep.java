package vn.govmail.spamfilter.steps;

import java.util.OptionalDouble;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.bayes.BayesClassifier;
import vn.govmail.spamfilter.bayes.Tokenizer;

/**
 * The statistical classifier, scored in bands like SpamAssassin's BAYES_* rules. Three zones: ham below
 * 0.2, spam from 0.9 (enough on its own for Junk, never for REJECT: BAYES_999 is below the reject threshold),
 * and between them "unsure" (BAYES_UNSURE, 0 points: the other rules decide).
 */
public final class BayesStep implements ScanStep {
    private final BayesClassifier classifier;
    private final Tokenizer tokenizer;
    private final SpamFilterSettings settings;

    public BayesStep(BayesClassifier classifier, Tokenizer tokenizer, SpamFilterSettings settings) {
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "bayes";
    }

    @Override
    public void apply(ScanContext context) {
        String domain = context.envelope().rcptTo().isEmpty() ? "" : domainOf(context.envelope().rcptTo().get(0));
        OptionalDouble probability = classifier.spamProbability(tokenizer.tokens(context.message()), domain);
        if (probability.isEmpty()) {
            return;
        }
        double p = probability.getAsDouble();
        String rule = band(p);
        if (rule != null) {   // always recorded: the probability in the detail explains the verdict
            context.hit(RuleHit.of(rule, settings.score(rule), String.format(java.util.Locale.ROOT, "spam probability %.4f", p)));
        }
    }

    static String band(double p) {
        if (p >= 0.999) {
            return "BAYES_999";
        } else if (p >= 0.99) {
            return "BAYES_99";
        } else if (p >= 0.95) {
            return "BAYES_95";
        } else if (p >= 0.90) {
            return "BAYES_90";
        } else if (p >= 0.80) {
            return "BAYES_80";
        } else if (p <= 0.01) {
            return "BAYES_00";
        } else if (p <= 0.05) {
            return "BAYES_05";
        } else if (p <= 0.20) {
            return "BAYES_20";
        }
        return "BAYES_UNSURE";
    }

    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
