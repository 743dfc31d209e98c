package vn.govmail.spamfilter.bayes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Token statistics, per scope. The scope is a mail domain, or {@link #GLOBAL} for everything learned.
 */
public interface TokenStore {
    String GLOBAL = "";

    /** Messages learned in a scope: [spam, ham]. */
    TokenCounts messageCounts(String scope);

    /** Counts for the given tokens in a scope; tokens never seen are absent from the map. */
    Map<String, TokenCounts> counts(String scope, Collection<String> tokens);

    /**
     * Adds (delta = 1) or removes (delta = -1) one message's tokens as spam or ham, in the given scopes.
     */
    void update(Collection<String> scopes, Collection<String> tokens, boolean spam, int delta);

    /** Which class a message (by digest) was learned as in a scope, if any. */
    Optional<Boolean> learnedAs(String scope, String digest);

    /** Records that a message was learned as spam or ham, with its tokens (the logistic model is fitted on them). */
    void rememberLearned(String scope, String digest, boolean spam, Collection<String> tokens);

    /** The most recently learned messages of a scope (at most {@code limit}), in a stable order, with their tokens. */
    List<LogisticModel.Example> learnedMessages(String scope, int limit);
}
