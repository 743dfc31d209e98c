package vn.govmail.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerTest {

    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new VietnameseAnalyzer()))) {
            add(writer, "den", "Sổ văn bản đến năm 2026");
            add(writer, "chau", "Ủy ban nhân dân tỉnh Lai Châu");
            add(writer, "nfd", "Ba\u0301o ca\u0301o ta\u0300i chi\u0301nh"); // "Báo cáo tài chính" in NFD
            add(writer, "plain", "van ban den khong dau"); // typed without diacritics
            add(writer, "reversed", "đến văn bản"); // same syllables, other order
            add(writer, "ban", "gửi bạn đọc");
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void keepsOriginalAndFoldedTokenAtTheSamePosition() throws IOException {
        assertThat(tokensWithIncrements(new VietnameseAnalyzer(), "Văn bản ĐẾN"))
            .containsExactly("van+1", "văn+0", "ban+1", "bản+0", "den+1", "đến+0");
    }

    @Test
    void composesNfdInputBeforeTokenising() throws IOException {
        assertThat(tokensWithIncrements(new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT), "đe\u0302\u0301n"))
            .containsExactly("đến+1");
    }

    @Test
    void foldedModeGivesAsciiOnly() throws IOException {
        assertThat(VietnameseQueries.tokens(new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED), "f", "Lai Châu"))
            .containsExactly("lai", "chau");
    }

    @Test
    void queryWithoutDiacriticsFindsThePhraseWithDiacritics() throws IOException {
        assertThat(search("van ban den")).containsExactlyInAnyOrder("den", "plain");
        assertThat(search("Lai Chau")).containsExactly("chau");
    }

    @Test
    void phraseNeedsTheSyllablesInOrder() throws IOException {
        assertThat(search("ban den")).doesNotContain("reversed");
    }

    @Test
    void nfdDocumentsAndNfdQueriesMatch() throws IOException {
        assertThat(search("báo cáo tài chính")).containsExactly("nfd");
        assertThat(search("ba\u0301o ca\u0301o")).containsExactly("nfd");
        assertThat(search("bao cao")).containsExactly("nfd");
    }

    @Test
    void exactDiacriticMatchRanksFirst() throws IOException {
        assertThat(search("văn bản đến")).containsExactly("den", "plain");
    }

    @Test
    void diacriticsInTheQueryDoNotMatchOtherTones() throws IOException {
        // "bản" (document) and "bạn" (friend) fold alike; the exact one ranks first, the other still matches.
        assertThat(search("bạn")).first().isEqualTo("ban");
    }

    @Test
    void upperCaseDStrokeFolds() throws IOException {
        assertThat(search("ĐẾN VĂN BẢN")).containsExactly("reversed");
        assertThat(search("DEN VAN BAN")).containsExactly("reversed");
    }

    private List<String> search(String text) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(VietnameseQueries.phrase("text", text), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }

    private static void add(IndexWriter writer, String id, String text) throws IOException {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.YES));
        document.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(document);
    }

    private static List<String> tokensWithIncrements(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "+" + increment.getPositionIncrement());
            }
            stream.end();
        }
        return tokens;
    }
}
