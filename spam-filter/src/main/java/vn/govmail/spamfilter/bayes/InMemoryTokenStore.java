package vn.govmail.spamfilter.bayes;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Token statistics in memory: for benchmarks and for running without a database. */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<String, Map<String, long[]>> tokens = new ConcurrentHashMap<>();
    private final Map<String, long[]> messages = new ConcurrentHashMap<>();
    private final Map<String, Boolean> learned = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LogisticModel.Example>> learnedMessages = new ConcurrentHashMap<>();

    @Override
    public TokenCounts messageCounts(String scope) {
        long[] n = messages.get(scope);
        return n == null ? TokenCounts.NONE : new TokenCounts(n[0], n[1]);
    }

    @Override
    public Map<String, TokenCounts> counts(String scope, Collection<String> wanted) {
        Map<String, long[]> table = tokens.getOrDefault(scope, Map.of());
        Map<String, TokenCounts> result = HashMap.newHashMap(wanted.size());
        for (String token : wanted) {
            long[] n = table.get(token);
            if (n != null) {
                result.put(token, new TokenCounts(n[0], n[1]));
            }
        }
        return result;
    }

    @Override
    public synchronized void update(Collection<String> scopes, Collection<String> words, boolean spam, int delta) {
        int column = spam ? 0 : 1;
        for (String scope : scopes) {
            messages.computeIfAbsent(scope, s -> new long[2])[column] += delta;
            Map<String, long[]> table = tokens.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
            for (String word : words) {
                table.computeIfAbsent(word, w -> new long[2])[column] += delta;
            }
        }
    }

    @Override
    public Optional<Boolean> learnedAs(String scope, String digest) {
        return Optional.ofNullable(learned.get(scope + "|" + digest));
    }

    @Override
    public void rememberLearned(String scope, String digest, boolean spam, Collection<String> words) {
        learned.put(scope + "|" + digest, spam);
        learnedMessages.computeIfAbsent(scope, s -> new java.util.concurrent.ConcurrentSkipListMap<>())
                .put(digest, new LogisticModel.Example(spam, List.copyOf(words)));
    }

    @Override
    public List<LogisticModel.Example> learnedMessages(String scope, int limit) {
        return learnedMessages.getOrDefault(scope, Map.of()).values().stream().limit(limit).toList();
    }
}
