package vn.govmail.spamfilter.bayes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Robinson's token probabilities combined with Fisher's chi-square method (as in SpamBayes and
 * SpamAssassin's Bayes): returns a spam probability in [0, 1], or nothing until enough mail was learned.
 */
public final class BayesClassifier {
    /** Robinson's s and x: how much an unseen token's 0.5 weighs against its few observations. */
    private static final double STRENGTH = 0.45;
    private static final double PRIOR = 0.5;
    private final TokenStore store;
    private final int minimumMessages;
    /** Tokens closer than this to 0.5 say nothing and are ignored. */
    private final double minDistance;
    /** Only the most extreme tokens are combined. */
    private final int maxDiscriminators;
    private final boolean naive;
    /** Each ham occurrence counts this many times (Graham's bias against false positives); 1 = unbiased. */
    private double hamWeight = 1;
    /** When set, the probability comes from a logistic model fitted on the learned messages instead of the counts. */
    private LogisticModels logistic;

    /**
     * Switches to logistic regression ({@code spam.bayes.combine=logistic}): see {@link LogisticModel}.
     * @param maxFalsePositives the share of learned ham allowed at or above 0.9 when calibrating
     * @param maxMessages how many of the most recently learned messages the model is fitted on
     */
    public BayesClassifier withLogisticModel(double rate, int epochs, double maxFalsePositives, int maxMessages) {
        this.logistic = new LogisticModels(store, rate, epochs, maxFalsePositives, maxMessages);
        return this;
    }

    /** @param weight how many times a token's ham occurrences count against its spam ones (≥ 1 favours ham) */
    public BayesClassifier withHamWeight(double weight) {
        this.hamWeight = weight;
        return this;
    }

    public BayesClassifier(TokenStore store, int minimumMessages) {
        this(store, minimumMessages, 0.1, 150);
    }

    public BayesClassifier(TokenStore store, int minimumMessages, double minDistance, int maxDiscriminators) {
        this(store, minimumMessages, minDistance, maxDiscriminators, false);
    }

    public BayesClassifier(TokenStore store, int minimumMessages, double minDistance, int maxDiscriminators, boolean naive) {
        this.naive = naive;
        this.store = store;
        this.minimumMessages = minimumMessages;
        this.minDistance = minDistance;
        this.maxDiscriminators = maxDiscriminators;
    }

    /** With the logistic model: fits now every scope that learned since its last fit (e.g. after bulk training). */
    public void refitModels() {
        if (logistic != null) {
            logistic.refitStale();
        }
    }

    /** The scope whose statistics are used: the domain's own once it learned enough, else the global one. */
    String scopeFor(String domain) {
        if (domain != null && !domain.isEmpty() && enough(store.messageCounts(domain))) {
            return domain;
        }
        return enough(store.messageCounts(TokenStore.GLOBAL)) ? TokenStore.GLOBAL : null;
    }

    private boolean enough(TokenCounts messages) {
        return messages.spam() >= minimumMessages && messages.ham() >= minimumMessages;
    }

    public OptionalDouble spamProbability(Set<String> tokens, String domain) {
        String scope = scopeFor(domain);
        if (scope == null) {
            return OptionalDouble.empty();
        }
        if (logistic != null) {
            return logistic.probability(scope, tokens);
        }
        TokenCounts messages = store.messageCounts(scope);
        Map<String, TokenCounts> counts = store.counts(scope, tokens);
        double[] probabilities = new double[counts.size()];
        int found = 0;
        for (TokenCounts count : counts.values()) {
            double n = count.spam() + count.ham();
            if (n == 0) {
                continue;
            }
            double spamRatio = count.spam() / (double) Math.max(messages.spam(), 1);
            double hamRatio = Math.min(1, hamWeight * count.ham() / (double) Math.max(messages.ham(), 1));
            double p = spamRatio / (spamRatio + hamRatio);
            double f = (STRENGTH * PRIOR + n * p) / (STRENGTH + n);
            if (Math.abs(f - 0.5) >= minDistance) {
                probabilities[found++] = f;
            }
        }
        if (found == 0) {
            return OptionalDouble.of(0.5);
        }
        double[] used = mostExtreme(probabilities, found, maxDiscriminators);
        if (naive) {
            // naive-Bayes log-odds: whichever side has more total evidence wins (long messages with strong
            // tokens on both sides are where chi-square combining stays "unsure" near 0.5)
            double logit = 0;
            for (double f : used) {
                logit += Math.log(f / (1 - f));
            }
            return OptionalDouble.of(1 / (1 + Math.exp(-logit / used.length * Math.sqrt(used.length))));
        }
        double hamLogs = 0;
        double spamLogs = 0;
        for (double f : used) {
            spamLogs += Math.log(1 - f);
            hamLogs += Math.log(f);
        }
        int degrees = 2 * used.length;
        double spamminess = 1 - chiSquareQ(-2 * spamLogs, degrees);
        double hamminess = 1 - chiSquareQ(-2 * hamLogs, degrees);
        return OptionalDouble.of((1 + spamminess - hamminess) / 2);
    }

    /**
     * The {@code limit} probabilities farthest from 0.5 among the first {@code size} (all of them when there are
     * no more), in no particular order when all are kept (the sums
     * above do not depend on it), the most extreme first otherwise (a stable sort: ties keep their order).
     */
    static double[] mostExtreme(double[] probabilities, int size, int limit) {
        if (size <= limit) {
            return probabilities.length == size ? probabilities : Arrays.copyOf(probabilities, size);
        }
        Double[] sorted = new Double[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = probabilities[i];
        }
        Arrays.sort(sorted, Comparator.comparingDouble(p -> -Math.abs(p - 0.5)));
        double[] used = new double[limit];
        for (int i = 0; i < limit; i++) {
            used[i] = sorted[i];
        }
        return used;
    }

    /** Survival function of the chi-square distribution for an even number of degrees of freedom. */
    static double chiSquareQ(double chi, int degrees) {
        double m = chi / 2;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < degrees / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }

    /**
     * Learns one message as spam or ham in the global scope and the domain's. Learning the same message
     * twice is a no-op; learning it as the other class first unlearns the old class.
     */
    public void learn(byte[] raw, Set<String> tokens, boolean spam, String domain) {
        String digest = digest(raw);
        List<String> scopes = domain == null || domain.isEmpty() ? List.of(TokenStore.GLOBAL) : List.of(TokenStore.GLOBAL, domain);
        for (String scope : scopes) {
            var before = store.learnedAs(scope, digest);
            if (before.isPresent() && before.get() == spam) {
                continue;
            }
            if (before.isPresent()) {
                store.update(List.of(scope), tokens, !spam, -1);
            }
            store.update(List.of(scope), tokens, spam, 1);
            store.rememberLearned(scope, digest, spam, tokens);
            if (logistic != null) {
                logistic.learned(scope);
            }
        }
    }

    static String digest(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
