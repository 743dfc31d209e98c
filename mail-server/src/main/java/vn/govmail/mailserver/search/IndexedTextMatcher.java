package vn.govmail.mailserver.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

import vn.govmail.text.VietnameseText;

/**
 * Answers an {@link IndexedTextCriterion} for one mailbox: the case- and diacritic-insensitive substring test of
 * IMAP SEARCH, from the {@link TextRuns} fields alone when the needle allows it (it starts and ends with a letter,
 * digit or a separator other than one space: words, phrases, addresses), so that a search matching half the
 * mailbox reads no message text. Otherwise, and for the rare documents with a run cut at {@link TextRuns#MAX_RUN},
 * Lucene narrows the mailbox to candidates (every word of the needle inside an indexed word) and the stored folded
 * text of each candidate is checked.
 */
final class IndexedTextMatcher {
    /** Enough to narrow well; more words only cost time (the exact check follows anyway). */
    private static final int MAX_CANDIDATE_WORDS = 6;
    private static final Set<String> STORED = Set.of(IndexFields.UID, IndexFields.HEADERS_FOLDED, IndexFields.BODY_FOLDED);

    private final SearchIndexStore store;

    IndexedTextMatcher(SearchIndexStore store) {
        this.store = store;
    }

    Set<Long> matchingUids(String mailboxId, IndexedTextCriterion criterion) {
        Optional<Query> exact = exactQuery(criterion);
        if (exact.isPresent()) {
            try {
                Set<Long> uids = store.uids(new BooleanQuery.Builder()
                    .add(inMailbox(mailboxId), BooleanClause.Occur.FILTER)
                    .add(exact.get(), BooleanClause.Occur.FILTER)
                    .add(cutRuns(), BooleanClause.Occur.MUST_NOT)
                    .build());
                uids.addAll(verified(new BooleanQuery.Builder()
                    .add(inMailbox(mailboxId), BooleanClause.Occur.FILTER)
                    .add(cutRuns(), BooleanClause.Occur.FILTER)
                    .build(), criterion));
                return uids;
            } catch (IndexSearcher.TooManyClauses e) {
                // An edge of the needle expands to too many indexed runs for a positional query: check candidates.
            }
        }
        return verified(new BooleanQuery.Builder()
            .add(inMailbox(mailboxId), BooleanClause.Occur.FILTER)
            .add(new BooleanQuery.Builder()
                .add(candidates(criterion), BooleanClause.Occur.SHOULD)
                .add(cutRuns(), BooleanClause.Occur.SHOULD)
                .build(), BooleanClause.Occur.FILTER)
            .build(), criterion);
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

    /** Whether the index answers {@code criterion} without reading text (except documents with a cut run). */
    static boolean answeredFromRuns(IndexedTextCriterion criterion) {
        return exactQuery(criterion).isPresent();
    }

    /** The documents whose text contains the needle, when the runs can tell; empty when they cannot. */
    private static Optional<Query> exactQuery(IndexedTextCriterion criterion) {
        String needle = criterion.foldedNeedle();
        return switch (criterion.kind()) {
            case BODY -> runsQuery(IndexFields.BODY_RUNS, "", needle);
            case TEXT -> runsQuery(IndexFields.BODY_RUNS, "", needle).flatMap(body -> runsQuery(IndexFields.HEADER_RUNS, "", needle)
                .map(headers -> either(body, headers)));
            case HEADER -> headerPrefix(criterion).flatMap(prefix -> runsQuery(IndexFields.HEADER_LINE_RUNS, prefix, needle));
        };
    }

    /**
     * Runs of the needle as adjacent tokens: the first one ending an indexed run, the middle ones equal, the last one
     * starting one; a single space between two runs is their adjacency. A needle starting or ending with a single
     * space (it could be any adjacency), an empty one or one with a run longer than the index keeps is not answered.
     */
    private static Optional<Query> runsQuery(String field, String prefix, String needle) {
        List<String> runs = TextRuns.runs(needle);
        if (runs.isEmpty() || runs.getFirst().equals(TextRuns.SINGLE_SPACE) || runs.getLast().equals(TextRuns.SINGLE_SPACE)
            || runs.stream().anyMatch(run -> run.length() > TextRuns.MAX_RUN)) {
            return Optional.empty();
        }
        if (runs.size() == 1) {
            return Optional.of(new WildcardQuery(new Term(field, escape(prefix) + "*" + escape(runs.getFirst()) + "*")));
        }
        List<SpanQuery> clauses = new ArrayList<>();
        clauses.add(new SpanMultiTermQueryWrapper<>(new WildcardQuery(new Term(field, escape(prefix) + "*" + escape(runs.getFirst())))));
        for (String run : runs.subList(1, runs.size() - 1)) {
            if (!run.equals(TextRuns.SINGLE_SPACE)) {
                clauses.add(new SpanTermQuery(new Term(field, prefix + run)));
            }
        }
        clauses.add(new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(field, prefix + runs.getLast()))));
        return Optional.of(new SpanNearQuery(clauses.toArray(SpanQuery[]::new), 0, true));
    }

    /** The term prefix of the header's lines; empty for a name no indexed line can have ("name: value" lines). */
    private static Optional<String> headerPrefix(IndexedTextCriterion criterion) {
        String name = VietnameseText.fold(criterion.header().orElseThrow());
        return name.isEmpty() || name.indexOf(':') >= 0 ? Optional.empty() : Optional.of(name + ":");
    }

    /** A superset of the matches: every word of the needle inside an indexed word of the criterion's text. */
    private static Query candidates(IndexedTextCriterion criterion) {
        List<String> words = TextRuns.runs(criterion.foldedNeedle()).stream()
            .filter(run -> TextRuns.isWordChar(run.charAt(0)) && run.length() <= TextRuns.MAX_RUN)
            .sorted((a, b) -> Integer.compare(b.length(), a.length()))
            .limit(MAX_CANDIDATE_WORDS)
            .toList();
        return switch (criterion.kind()) {
            case BODY -> allWords(IndexFields.BODY_RUNS, "", words);
            case TEXT -> either(allWords(IndexFields.BODY_RUNS, "", words), allWords(IndexFields.HEADER_RUNS, "", words));
            case HEADER -> headerPrefix(criterion)
                .map(prefix -> allWords(IndexFields.HEADER_LINE_RUNS, prefix, words))
                .orElseGet(MatchAllDocsQuery::new);
        };
    }

    private static Query allWords(String field, String prefix, List<String> words) {
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new WildcardQuery(new Term(field, escape(prefix) + "*" + escape(word) + "*")), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static Query either(Query a, Query b) {
        return new BooleanQuery.Builder()
            .add(a, BooleanClause.Occur.SHOULD)
            .add(b, BooleanClause.Occur.SHOULD)
            .build();
    }

    private static Query inMailbox(String mailboxId) {
        return new TermQuery(new Term(IndexFields.MAILBOX, mailboxId));
    }

    private static Query cutRuns() {
        return new TermQuery(new Term(IndexFields.CUT_RUNS, "yes"));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
