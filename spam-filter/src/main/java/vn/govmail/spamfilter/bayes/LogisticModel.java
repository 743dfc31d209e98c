package vn.govmail.spamfilter.bayes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Logistic regression over token presence, fitted in batch on the learned messages of one scope, with a
 * decision threshold calibrated on those messages.
 *
 * <p>Why: naive Bayes counts every token independently, so a newsletter full of "click here / remove
 * yourself / unsubscribe" reads as spam however many ham-only tokens it carries; a discriminative model
 * learns how much each token adds given the others (on the SpamAssassin corpus: false positives 0.42 % →
 * 0.23 % at about the same recall, see docs/spam-filter.md). Features are scaled by 1/√(tokens/100) so a long
 * message does not take a huge step. Fitting is plain stochastic gradient descent in a seeded order, so every
 * node fits the same model from the same stored messages.
 *
 * <p>Calibration: the messages are split in four; each quarter is predicted by a model fitted on the other
 * three; the threshold is the lowest of a fixed ladder at which at most {@code maxFalsePositives} of those
 * out-of-sample ham reach it. {@link #probability} is then shifted in log-odds so that this threshold reads
 * 0.9, the start of the BAYES_90 band (enough for Junk): the bands keep their meaning whatever was learned.
 */
public final class LogisticModel {
    public record Example(boolean spam, Collection<String> tokens) {
    }

    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9999};
    private static final double BAND = 0.9;
    private static final int CALIBRATION_FOLDS = 4;

    private final Map<String, Double> weights;
    private final double shift;

    private LogisticModel(Map<String, Double> weights, double shift) {
        this.weights = weights;
        this.shift = shift;
    }

    /** Fits on all examples and calibrates the threshold as described above. */
    public static LogisticModel fit(List<Example> examples, double rate, int epochs, double maxFalsePositives) {
        List<Example> order = new ArrayList<>(examples);
        Collections.shuffle(order, new Random(7));
        List<double[]> outOfSample = new ArrayList<>();   // [raw probability, 1 if spam]
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            List<Example> training = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % CALIBRATION_FOLDS == fold ? held : training).add(order.get(i));
            }
            Map<String, Double> weights = weights(training, rate, epochs);
            for (Example example : held) {
                outOfSample.add(new double[]{rawProbability(weights, example.tokens()), example.spam() ? 1 : 0});
            }
        }
        double threshold = threshold(outOfSample, maxFalsePositives);
        return new LogisticModel(weights(order, rate, epochs), logit(BAND) - logit(threshold));
    }

    /** Spam probability, shifted so that the calibrated threshold reads 0.9. */
    public double probability(Collection<String> tokens) {
        double p = Math.clamp(rawProbability(weights, tokens), 1e-12, 1 - 1e-12);
        return 1 / (1 + Math.exp(-(logit(p) + shift)));
    }

    private static double threshold(List<double[]> outOfSample, double maxFalsePositives) {
        long hams = outOfSample.stream().filter(o -> o[1] == 0).count();
        for (double t : THRESHOLDS) {
            if (outOfSample.stream().filter(o -> o[1] == 0 && o[0] >= t).count() <= maxFalsePositives * hams) {
                return t;
            }
        }
        return THRESHOLDS[THRESHOLDS.length - 1];
    }

    private static Map<String, Double> weights(List<Example> order, double rate, int epochs) {
        Map<String, Double> weights = new HashMap<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Example example : order) {
                double error = (example.spam() ? 1 : 0) - rawProbability(weights, example.tokens());
                double step = rate * error * scale(example.tokens());
                for (String token : example.tokens()) {
                    weights.merge(token, step, Double::sum);
                }
            }
        }
        return weights;
    }

    private static double rawProbability(Map<String, Double> weights, Collection<String> tokens) {
        double z = 0;
        for (String token : tokens) {
            z += weights.getOrDefault(token, 0.0);
        }
        return 1 / (1 + Math.exp(-z * scale(tokens)));
    }

    private static double scale(Collection<String> tokens) {
        return 10 / Math.sqrt(Math.max(tokens.size(), 1));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
