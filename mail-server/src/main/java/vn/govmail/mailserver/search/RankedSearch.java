package vn.govmail.mailserver.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import vn.govmail.text.VietnameseAnalyzer;
import vn.govmail.text.VietnameseQueries;

/**
 * The search box of the webmail: one user's messages across all their folders, ranked by relevance (subject and
 * attachment names weigh more than the body; exact diacritics above folded matches), with a highlighted snippet.
 */
final class RankedSearch {
    private static final Map<String, Float> FIELDS = Map.of(
        IndexFields.SUBJECT, 4f,
        IndexFields.ATTACHMENT_NAMES, 3f,
        IndexFields.FROM, 2f,
        IndexFields.RECIPIENTS, 1.5f,
        IndexFields.BODY, 1f);

    record Hit(String mailboxId, long uid, String subject, String from, long internalDate, float score, String snippet) {
    }

    private final SearchIndexStore store;

    RankedSearch(SearchIndexStore store) {
        this.store = store;
    }

    /**
     * @param mailboxIds the mailboxes the user owns now, read from the mailbox store: the only documents that may be
     *                   returned (mailbox ids are unique across users; this also hides documents of deleted
     *                   mailboxes, and follows an account rename, which keeps the mailbox ids)
     */
    List<Hit> search(Collection<String> mailboxIds, String text, int limit) throws IOException {
        if (mailboxIds.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        FIELDS.forEach((field, boost) -> anyField.add(new BoostQuery(VietnameseQueries.phrase(field, text), boost), BooleanClause.Occur.SHOULD));
        Query query = new BooleanQuery.Builder()
            .add(new TermInSetQuery(IndexFields.MAILBOX, mailboxIds.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
            .add(anyField.build(), BooleanClause.Occur.MUST)
            .build();
        return store.withSearcher(searcher -> hits(searcher, query, limit));
    }

    private static List<Hit> hits(IndexSearcher searcher, Query query, int limit) throws IOException {
        TopDocs top = searcher.search(query, limit);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, new VietnameseAnalyzer()).withMaxLength(200_000).build();
        String[] snippets = highlighter.highlight(IndexFields.BODY, query, top, 2);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            Document document = searcher.storedFields().document(top.scoreDocs[i].doc);
            hits.add(new Hit(document.get(IndexFields.MAILBOX),
                document.getField(IndexFields.UID).numericValue().longValue(),
                document.get(IndexFields.SUBJECT), document.get(IndexFields.FROM),
                document.getField(IndexFields.INTERNAL_DATE).numericValue().longValue(),
                top.scoreDocs[i].score,
                snippets[i] == null ? "" : snippets[i]));
        }
        return hits;
    }
}
