package vn.govmail.spamfilter.bayes;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link LogisticModel} of each scope, fitted from the store's learned messages by one
 * background thread: learning marks the scope stale and classification goes on with the previous model
 * while the new one is fitted (a fit over a few thousand messages takes seconds, which an SMTP transaction
 * must not wait for). Until a scope's first model exists, the classifier has no opinion.
 */
final class LogisticModels {
    /** A fitted model and the scope's learning version it saw. */
    private record Entry(LogisticModel model, long version) {
    }

    private final TokenStore store;
    private final double rate;
    private final int epochs;
    private final double maxFalsePositives;
    /** Fitting holds every token of these messages in memory: the most recent ones only. */
    private final int maxMessages;
    private final Map<String, Entry> models = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Set<String> refitting = ConcurrentHashMap.newKeySet();
    /** A daemon thread: nothing is lost when it dies with the JVM, the model is refitted from the store on start. */
    private final ExecutorService refitter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spam-logistic-refit");
        thread.setDaemon(true);
        return thread;
    });

    LogisticModels(TokenStore store, double rate, int epochs, double maxFalsePositives, int maxMessages) {
        this.maxMessages = maxMessages;
        this.store = store;
        this.rate = rate;
        this.epochs = epochs;
        this.maxFalsePositives = maxFalsePositives;
    }

    /**
     * The scope's spam probability, or empty while its first model is being fitted in the background (the
     * step then gives no opinion; {@link #refitStale()} fits at once).
     */
    OptionalDouble probability(String scope, Collection<String> tokens) {
        Entry entry = models.get(scope);
        if (entry == null) {
            refitInBackground(scope);
            return OptionalDouble.empty();
        }
        if (version(scope).get() > entry.version()) {
            refitInBackground(scope);
        }
        return OptionalDouble.of(entry.model().probability(tokens));
    }

    private void refitInBackground(String scope) {
        if (refitting.add(scope)) {
            refitter.execute(() -> {
                try {
                    models.put(scope, fitNow(scope));
                } finally {
                    refitting.remove(scope);
                }
            });
        }
    }

    /** Fits, now and in the caller's thread, every scope that learned since its model was fitted (or has none). */
    void refitStale() {
        for (String scope : versions.keySet()) {
            Entry entry = models.get(scope);
            if (entry == null || version(scope).get() > entry.version()) {
                models.put(scope, fitNow(scope));
            }
        }
    }

    /** Called after a message was learned in the scope. */
    void learned(String scope) {
        version(scope).incrementAndGet();
    }

    private AtomicLong version(String scope) {
        return versions.computeIfAbsent(scope, s -> new AtomicLong());
    }

    private Entry fitNow(String scope) {
        // the version is read before the store: a message learned during the fit leaves the new model stale
        long version = version(scope).get();
        return new Entry(LogisticModel.fit(store.learnedMessages(scope, maxMessages), rate, epochs, maxFalsePositives), version);
    }
}
