package vn.govmail.mailserver.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import vn.govmail.text.VietnameseAnalyzer;
import vn.govmail.text.VietnameseQueries;

/**
 * Relevance-ranked search over some mailboxes (the webmail's search box and the user API): free text weighs the
 * subject and attachment names above the sender, recipients and body; exact diacritics rank above folded matches
 * ({@link VietnameseQueries}). Field criteria (from, to, subject, body) must all match; the date and attachment
 * criteria filter the ranked candidates on stored fields. Each returned hit gets a highlighted body snippet.
 */
final class RankedSearch {
    /** Ranked matches looked at per search: pages beyond are not offered. */
    static final int MAX_CANDIDATES = 2_000;
    private static final Map<String, Float> FIELDS = Map.of(
        IndexFields.SUBJECT, 4f,
        IndexFields.ATTACHMENT_NAMES, 3f,
        IndexFields.FROM, 2f,
        IndexFields.RECIPIENTS, 1.5f,
        IndexFields.BODY, 1f);
    private static final Set<String> LISTED_FIELDS = Set.of(IndexFields.MAILBOX, IndexFields.UID, IndexFields.SUBJECT,
        IndexFields.FROM, IndexFields.INTERNAL_DATE, IndexFields.ATTACHMENT_NAMES);

    /** A ranked match, from the index alone. */
    record Candidate(String mailboxId, long uid, String subject, String from, long internalDate, boolean hasAttachment, float score) {
    }

    /** A returned match: the candidate, what the caller's check found out about it, and its snippet. */
    record Hit<T>(Candidate candidate, T checked, SearchHitSnippets.Snippet snippet) {
    }

    record Page<T>(List<Hit<T>> hits, boolean more) {
    }

    /**
     * Confirms a candidate that is about to be returned (e.g. that the message still exists in its mailbox) and
     * adds what the caller needs; empty drops it.
     */
    interface Check<T> {
        Optional<T> confirm(Candidate candidate) throws IOException;
    }

    private final SearchIndexStore store;

    RankedSearch(SearchIndexStore store) {
        this.store = store;
    }

    /**
     * @param mailboxIds the mailboxes searched, read from the mailbox store by the caller: the only documents that
     *                   may be returned (mailbox ids are unique across users; this also hides documents of deleted
     *                   mailboxes, and follows an account rename, which keeps the mailbox ids)
     * @param offset     ranked matches skipped (they are not confirmed)
     */
    <T> Page<T> search(Collection<String> mailboxIds, UserSearchCriteria criteria, int offset, int limit, Check<T> check) throws IOException {
        if (mailboxIds.isEmpty() || !criteria.hasText()) {
            return new Page<>(List.of(), false);
        }
        Query query = query(mailboxIds, criteria);
        return store.withSearcher(searcher -> page(searcher, query, criteria, offset, limit, check));
    }

    static Query query(Collection<String> mailboxIds, UserSearchCriteria criteria) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
            .add(new TermInSetQuery(IndexFields.MAILBOX, mailboxIds.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        if (present(criteria.text())) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            FIELDS.forEach((field, boost) -> anyField.add(new BoostQuery(VietnameseQueries.phrase(field, criteria.text().strip()), boost),
                BooleanClause.Occur.SHOULD));
            query.add(anyField.build(), BooleanClause.Occur.MUST);
        }
        must(query, IndexFields.FROM, criteria.from());
        must(query, IndexFields.RECIPIENTS, criteria.to());
        must(query, IndexFields.SUBJECT, criteria.subject());
        must(query, IndexFields.BODY, criteria.body());
        return query.build();
    }

    private static void must(BooleanQuery.Builder query, String field, String text) {
        if (present(text)) {
            query.add(VietnameseQueries.phrase(field, text.strip()), BooleanClause.Occur.MUST);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static <T> Page<T> page(IndexSearcher searcher, Query query, UserSearchCriteria criteria, int offset, int limit,
                                    Check<T> check) throws IOException {
        TopDocs top = searcher.search(query, MAX_CANDIDATES);
        StoredFields stored = searcher.storedFields();
        List<Candidate> candidates = new ArrayList<>();
        List<T> confirmed = new ArrayList<>();
        List<Integer> docs = new ArrayList<>();
        int skipped = 0;
        boolean more = false;
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Candidate candidate = candidate(stored.document(scoreDoc.doc, LISTED_FIELDS), scoreDoc.score);
            if (!criteria.acceptsDate(candidate.internalDate()) || (criteria.withAttachment() && !candidate.hasAttachment())) {
                continue;
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            if (candidates.size() == limit) {
                more = true;
                break;
            }
            Optional<T> checked = check.confirm(candidate);
            if (checked.isPresent()) {
                candidates.add(candidate);
                confirmed.add(checked.get());
                docs.add(scoreDoc.doc);
            }
        }
        String[] snippets = snippets(searcher, query, docs);
        List<Hit<T>> hits = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            hits.add(new Hit<>(candidates.get(i), confirmed.get(i), SearchHitSnippets.parse(snippets[i])));
        }
        return new Page<>(hits, more);
    }

    private static Candidate candidate(Document document, float score) {
        String attachments = document.get(IndexFields.ATTACHMENT_NAMES);
        return new Candidate(document.get(IndexFields.MAILBOX),
            document.getField(IndexFields.UID).numericValue().longValue(),
            document.get(IndexFields.SUBJECT), document.get(IndexFields.FROM),
            document.getField(IndexFields.INTERNAL_DATE).numericValue().longValue(),
            attachments != null && !attachments.isBlank(), score);
    }

    /** Highlights only the returned page (the body is stored in the index, see docs/search.md). */
    private static String[] snippets(IndexSearcher searcher, Query query, List<Integer> docs) throws IOException {
        if (docs.isEmpty()) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, new VietnameseAnalyzer())
            .withMaxLength(200_000)
            .withBreakIterator(SearchHitSnippets::breakIterator)
            .withFormatter(SearchHitSnippets.formatter())
            .build();
        int[] ids = docs.stream().mapToInt(Integer::intValue).toArray();
        return highlighter.highlightFields(new String[] {IndexFields.BODY}, query, ids, new int[] {SearchHitSnippets.PASSAGES})
            .get(IndexFields.BODY);
    }
}
