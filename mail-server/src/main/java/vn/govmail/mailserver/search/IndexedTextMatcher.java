package vn.govmail.mailserver.search;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
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

    private final SearchIndexStore store;

    IndexedTextMatcher(SearchIndexStore store) {
        this.store = store;
    }

    Set<Long> matchingUids(String mailboxId, IndexedTextCriterion criterion) {
        Set<Long> uids = new HashSet<>();
        for (Document document : store.find(candidates(mailboxId, criterion), STORED)) {
            if (criterion.matches(document.get(IndexFields.HEADERS_FOLDED), document.get(IndexFields.BODY_FOLDED))) {
                uids.add(document.getField(IndexFields.UID).numericValue().longValue());
            }
        }
        return uids;
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
