package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's answer to text criteria is the substring answer, on the fast paths (one word, phrase) too. */
class IndexedTextMatcherTest {
    private static final String LONG_WORD = "x".repeat(250) + "abcdefghij" + "y".repeat(100); // cut by the tokenizer at 255

    @TempDir
    Path directory;
    private SearchIndexStore store;
    private IndexedTextMatcher matcher;
    private final Mailbox mailbox = TestMessages.inbox("a@demo.gov.vn", 7);
    private final Mailbox otherMailbox = TestMessages.inbox("b@demo.gov.vn", 8);

    @BeforeEach
    void indexSomeMail() throws IOException {
        store = new SearchIndexStore(directory);
        MessageIndexer indexer = new MessageIndexer(store, new MessageTextExtractor(
            new AttachmentTextExtractor(1024 * 1024, 100_000, Duration.ofSeconds(20)), 200_000));
        index(indexer, mailbox, 1, "Báo cáo", "Văn bản đến số 12 về cải cách hành chính.");
        index(indexer, mailbox, 2, "Downloads", "Please download the reports before Friday.");
        index(indexer, mailbox, 3, "Dấu câu", "van, ban den; chữ xvăn bản đếnx dính liền");
        index(indexer, mailbox, 4, "Long", "token " + LONG_WORD + " end");
        index(indexer, mailbox, 5, "Xuống dòng", "văn\r\nbản đến");
        index(indexer, otherMailbox, 1, "Other", "Văn bản đến và report của người khác");
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void oneWordIsASubstringOfAnyWord() {
        assertThat(body("report")).containsExactly(2L);
        assertThat(body("ownloa")).containsExactly(2L);
        assertThat(body("DOWNLOAD")).containsExactly(2L);
        assertThat(body("cach")).containsExactly(1L);
        assertThat(body("zzz")).isEmpty();
        assertThat(text("downloads")).containsExactly(2L); // in the Subject header for TEXT
        assertThat(body("downloads")).isEmpty();
    }

    @Test
    void aWordStraddlingTheTokenizersCutIsFoundByChecking() {
        assertThat(body("xxabcdefghijyy")).containsExactly(4L);
        assertThat(body("abcdefghij")).containsExactly(4L);
    }

    @Test
    void aPhraseNeedsItsExactSpacingButMayStartAndEndInsideWords() {
        assertThat(body("van ban den")).containsExactlyInAnyOrder(1L, 3L); // 3: "xvăn bản đếnx"; not "van, ban den" nor a line break
        assertThat(body("văn bản đến")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(body("an ban de")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(body("van ban")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(body("ban den")).containsExactlyInAnyOrder(1L, 3L, 5L);
        assertThat(body("reports before")).containsExactly(2L);
        assertThat(body("van, ban")).containsExactly(3L); // not a plain phrase: candidates are checked
    }

    @Test
    void headerCriteriaLookAtTheirHeaderOnly() {
        assertThat(matcher.matchingUids(id(mailbox), IndexedTextCriterion.of(SearchQuery.headerContains("Subject", "bao cao")).orElseThrow()))
            .containsExactly(1L);
        assertThat(matcher.matchingUids(id(mailbox), IndexedTextCriterion.of(SearchQuery.headerContains("Subject", "ban")).orElseThrow()))
            .isEmpty();
    }

    @Test
    void onlyTheAskedMailboxAnswers() {
        assertThat(matcher.matchingUids(id(otherMailbox), criterion(SearchQuery.bodyContains("report")))).containsExactly(1L);
        assertThat(matcher.matchingUids(id(otherMailbox), criterion(SearchQuery.bodyContains("van ban den")))).containsExactly(1L);
    }

    @Test
    void fastPathsAreChosenOnlyForPlainWordsAndPhrases() {
        assertThat(IndexedTextMatcher.isWord(criterion(SearchQuery.bodyContains("Báo")))).isTrue();
        assertThat(IndexedTextMatcher.isWord(criterion(SearchQuery.bodyContains("a.b")))).isFalse();
        assertThat(IndexedTextMatcher.isWord(criterion(SearchQuery.headerContains("Subject", "bao")))).isFalse();
        assertThat(IndexedTextMatcher.isPhrase(criterion(SearchQuery.bodyContains("văn bản")))).isTrue();
        assertThat(IndexedTextMatcher.isPhrase(criterion(SearchQuery.bodyContains("văn  bản")))).isFalse();
        assertThat(IndexedTextMatcher.isPhrase(criterion(SearchQuery.bodyContains("văn, bản")))).isFalse();
    }

    private Set<Long> body(String needle) {
        return matcher.matchingUids(id(mailbox), criterion(SearchQuery.bodyContains(needle)));
    }

    private Set<Long> text(String needle) {
        return matcher.matchingUids(id(mailbox), criterion(SearchQuery.mailContains(needle)));
    }

    private static IndexedTextCriterion criterion(SearchQuery.Criterion criterion) {
        return IndexedTextCriterion.of(criterion).orElseThrow();
    }

    private static String id(Mailbox mailbox) {
        return mailbox.getMailboxId().serialize();
    }

    private void index(MessageIndexer indexer, Mailbox target, long uid, String subject, String body) throws IOException {
        byte[] raw = ("From: a@demo.gov.vn\r\nSubject: " + subject + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
        indexer.index(target, TestMessages.message(target, uid, raw));
        matcher = new IndexedTextMatcher(store);
    }
}
