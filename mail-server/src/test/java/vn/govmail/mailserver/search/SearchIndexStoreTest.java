package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index of an older layout is emptied at start (the catch-up then rebuilds it); a current one is kept. */
class SearchIndexStoreTest {
    @TempDir
    Path directory;

    @Test
    void anIndexWithoutTheCurrentFormatIsEmptied() throws IOException {
        try (FSDirectory old = FSDirectory.open(directory);
             IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField(IndexFields.KEY, "1/1", Field.Store.NO));
            writer.addDocument(document);
            writer.commit();
        }
        try (SearchIndexStore store = new SearchIndexStore(directory)) {
            assertThat(store.documentCount()).isZero();
        }
    }

    @Test
    void anIndexOfTheCurrentFormatIsKept() throws IOException {
        try (SearchIndexStore store = new SearchIndexStore(directory)) {
            store.upsert("1/1", new Document());
            store.commit();
        }
        try (SearchIndexStore store = new SearchIndexStore(directory)) {
            assertThat(store.documentCount()).isEqualTo(1);
        }
    }
}
