package vn.govmail.mailserver.search;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

import vn.govmail.text.VietnameseAnalyzer;
import vn.govmail.text.VietnameseQueries;

/**
 * Answers an {@link IndexedTextCriterion} for one mailbox in two steps: Lucene narrows the mailbox to candidates
 * (every word of the searched text must occur inside some indexed word, as "*word*": a superset of the substring
 * matches), then the stored folded text of each candidate is checked exactly.
 */
final class IndexedTextMatcher {
    /** Enough to narrow well; more words only cost time (the exact check follows anyway). */
    private static final int MAX_CANDIDATE_WORDS = 6;
    private static final VietnameseAnalyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
    private static final Set<String> STORED = Set.of(IndexFields.UID, IndexFields.HEADERS_FOLDED, IndexFields.BODY_FOLDED);

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern PHRASE = Pattern.compile("[a-z0-9]+( [a-z0-9]+)+");
    /** StandardTokenizer cuts words at 255 characters; folding can only lengthen a piece. */
    private static final String LONG_WORD = ".{" + StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH + ",}";

    private final SearchIndexStore store;

    IndexedTextMatcher(SearchIndexStore store) {
        this.store = store;
    }

    Set<Long> matchingUids(String mailboxId, IndexedTextCriterion criterion) {
        if (isWord(criterion)) {
            // "*word*" matches exactly the messages whose folded text contains the word: no need to read their text,
            // except for messages with a word longer than the tokenizer cuts (the needle may straddle a cut).
            Set<Long> uids = store.uids(candidates(mailboxId, criterion));
            uids.addAll(verified(withLongWords(mailboxId, criterion), criterion));
            return uids;
        }
        Query candidates = candidates(mailboxId, criterion);
        if (isPhrase(criterion)) {
            try {
                return verified(new BooleanQuery.Builder()
                    .add(candidates, BooleanClause.Occur.FILTER)
                    .add(adjacentWords(criterion), BooleanClause.Occur.SHOULD)
                    .add(withLongWords(mailboxId, criterion), BooleanClause.Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1)
                    .build(), criterion);
            } catch (IndexSearcher.TooManyClauses e) {
                // The words expand to too many indexed words for a positional query: check the wider candidate set.
            }
        }
        return verified(candidates, criterion);
    }

    private Set<Long> verified(Query candidates, IndexedTextCriterion criterion) {
        Set<Long> uids = new HashSet<>();
        for (Document document : store.find(candidates, STORED)) {
            if (criterion.matches(document.get(IndexFields.HEADERS_FOLDED), document.get(IndexFields.BODY_FOLDED))) {
                uids.add(document.getField(IndexFields.UID).numericValue().longValue());
            }
        }
        return uids;
    }

    /** BODY or TEXT of one word of ASCII letters and digits (after folding): the index answers it without checking. */
    static boolean isWord(IndexedTextCriterion criterion) {
        return criterion.kind() != IndexedTextCriterion.Kind.HEADER && WORD.matcher(criterion.foldedNeedle()).matches();
    }

    /** BODY or TEXT of words of ASCII letters and digits separated by single spaces. */
    static boolean isPhrase(IndexedTextCriterion criterion) {
        return criterion.kind() != IndexedTextCriterion.Kind.HEADER && PHRASE.matcher(criterion.foldedNeedle()).matches();
    }

    /**
     * Messages where the words of the needle are adjacent, the first one ending an indexed word and the last one
     * starting one ("van ban den" inside "...xvan ban denx..."): a superset of the messages containing the phrase.
     */
    private static Query adjacentWords(IndexedTextCriterion criterion) {
        String[] words = criterion.foldedNeedle().split(" ");
        List<String> fields = criterion.kind() == IndexedTextCriterion.Kind.BODY ? List.of(IndexFields.BODY)
            : List.of(IndexFields.BODY, IndexFields.HEADERS);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            SpanQuery[] clauses = new SpanQuery[words.length];
            for (int i = 0; i < words.length; i++) {
                if (i == 0) {
                    clauses[i] = new SpanMultiTermQueryWrapper<>(new WildcardQuery(new Term(field, "*" + words[i])));
                } else if (i == words.length - 1) {
                    clauses[i] = new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(field, words[i])));
                } else {
                    clauses[i] = new SpanTermQuery(new Term(field, words[i]));
                }
            }
            any.add(new SpanNearQuery(clauses, 0, true), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Messages of the mailbox with an indexed word of the tokenizer's maximum length (a longer word was cut). */
    private static Query withLongWords(String mailboxId, IndexedTextCriterion criterion) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new RegexpQuery(new Term(IndexFields.BODY, LONG_WORD)), BooleanClause.Occur.SHOULD);
        if (criterion.kind() == IndexedTextCriterion.Kind.TEXT) {
            any.add(new RegexpQuery(new Term(IndexFields.HEADERS, LONG_WORD)), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.MAILBOX, mailboxId)), BooleanClause.Occur.FILTER)
            .add(any.build(), BooleanClause.Occur.FILTER)
            .build();
    }

    private static Query candidates(String mailboxId, IndexedTextCriterion criterion) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.MAILBOX, mailboxId)), BooleanClause.Occur.FILTER);
        List<String> words = VietnameseQueries.tokens(FOLDED, IndexFields.BODY, criterion.foldedNeedle()).stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .limit(MAX_CANDIDATE_WORDS)
            .toList();
        if (words.isEmpty()) {
            return query.build();
        }
        switch (criterion.kind()) {
            case BODY -> query.add(allWords(IndexFields.BODY, words), BooleanClause.Occur.FILTER);
            case HEADER -> query.add(allWords(IndexFields.HEADERS, words), BooleanClause.Occur.FILTER);
            case TEXT -> query.add(new BooleanQuery.Builder()
                .add(allWords(IndexFields.BODY, words), BooleanClause.Occur.SHOULD)
                .add(allWords(IndexFields.HEADERS, words), BooleanClause.Occur.SHOULD)
                .build(), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static Query allWords(String field, List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new WildcardQuery(new Term(field, "*" + escape(word) + "*")), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static String escape(String word) {
        StringBuilder escaped = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
