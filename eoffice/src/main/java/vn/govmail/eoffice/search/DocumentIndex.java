package vn.govmail.eoffice.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import vn.govmail.text.VietnameseAnalyzer;
import vn.govmail.text.VietnameseQueries;

/**
 * Full-text index of incoming documents' text and abstract, with the Vietnamese-aware analyzer (a query with or
 * without diacritics finds the document; exact diacritics rank first). Secret documents are never added: the
 * caller never passes their text, and {@link vn.govmail.eoffice.store.DocumentStore} does not keep it. Each add is
 * committed, so the index survives a crash; it can be rebuilt from the database at any time.
 */
public final class DocumentIndex implements Closeable {
    private static final String ID = "id";
    private static final String UNIT = "unit";
    private static final String TEXT = "text";
    private static final String SUBJECT = "subject";

    private final Directory directory;
    private final IndexWriter writer;

    public DocumentIndex(Path location) throws IOException {
        directory = FSDirectory.open(location);
        writer = new IndexWriter(directory, new IndexWriterConfig(new VietnameseAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        writer.commit();
    }

    public synchronized void add(long id, String unitId, String subject, String text) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(id), Field.Store.YES));
        document.add(new LongPoint(ID + "_point", id));
        document.add(new StoredField(ID + "_value", id));
        document.add(new StringField(UNIT, unitId, Field.Store.NO));
        document.add(new TextField(SUBJECT, subject == null ? "" : subject, Field.Store.NO));
        document.add(new TextField(TEXT, text == null ? "" : text, Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, Long.toString(id)), document);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index document " + id, e);
        }
    }

    public int size() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.numDocs();
        }
    }

    /** Ids of the unit's documents whose text or abstract contains the words of {@code text} as a phrase, best first. */
    public List<Long> search(String unitId, String text, int limit) throws IOException {
        BooleanQuery.Builder words = new BooleanQuery.Builder()
            .add(VietnameseQueries.phrase(TEXT, text), BooleanClause.Occur.SHOULD)
            .add(VietnameseQueries.phrase(SUBJECT, text), BooleanClause.Occur.SHOULD)
            .setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        if (unitId != null) {
            query.add(new TermQuery(new Term(UNIT, unitId)), BooleanClause.Occur.FILTER);
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), Math.max(1, limit)).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField(ID + "_value").numericValue().longValue());
            }
            return ids;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
        directory.close();
    }
}
