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
    private static final String LONG_WORD = "x".repeat(250) + "abcdefghij" + "y".repeat(100);
    /** Longer than the index keeps in one term: cut into pieces, and the cut lies inside "abcdefghij". */
    private static final String CUT_WORD = "x".repeat(TextRuns.MAX_RUN - 5) + "abcdefghij" + "y".repeat(100);

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
        index(indexer, mailbox, 6, "Cut", "start " + CUT_WORD + " cut-end");
        index(indexer, mailbox, 7, "Dấu  cách   đôi", "hai  dấu cách: văn  bản; địa chỉ vanthu@demo.gov.vn, cc  ketoan@so.gov.vn");
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
        assertThat(body("cach")).containsExactlyInAnyOrder(1L, 7L);
        assertThat(body("zzz")).isEmpty();
        assertThat(text("downloads")).containsExactly(2L); // in the Subject header for TEXT
        assertThat(body("downloads")).isEmpty();
    }

    @Test
    void aWordStraddlingTheTokenizersCutIsFoundByChecking() {
        assertThat(body("xxabcdefghijyy")).containsExactlyInAnyOrder(4L, 6L);
        assertThat(body("abcdefghij")).containsExactlyInAnyOrder(4L, 6L);
        assertThat(body("xabcdefghij" + "y".repeat(100) + " cut")).containsExactly(6L);
        assertThat(body("start xxx")).containsExactly(6L);
        assertThat(body("yyy end")).containsExactly(4L);
    }

    @Test
    void separatorsOtherThanOneSpaceMustBeThereExactly() {
        assertThat(body("van  ban")).containsExactly(7L);
        assertThat(body("văn bản")).doesNotContain(7L);
        assertThat(body("vanthu@demo.gov")).containsExactly(7L);
        assertThat(body("@demo.gov.vn")).containsExactly(7L);
        assertThat(body("@demo.gov.vn,")).containsExactly(7L);
        assertThat(body("vn, cc  k")).containsExactly(7L);
        assertThat(body("vn, cc k")).isEmpty();
        assertThat(body("vn,cc")).isEmpty();
        assertThat(body("chi vanthu@")).containsExactly(7L);
        assertThat(body(": van")).containsExactly(7L); // starts with a separator that is not a single space
        assertThat(body(" dau")).containsExactly(7L); // starts with one space: checked against the text
        assertThat(body("cach: ")).containsExactly(7L);
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
    void headerSubstringsStayInsideOneHeaderLine() {
        assertThat(header("From", "a@demo")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(header("From", "@demo.gov.vn")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(header("Subject", "dau  cach   doi")).containsExactly(7L);
        assertThat(header("Subject", "dau cach")).isEmpty();
        assertThat(header("From", "vn subject")).isEmpty(); // the next line is another header
        assertThat(text("gov.vn\nsubject: dau")).containsExactlyInAnyOrder(3L, 7L); // TEXT sees all headers as one text
        assertThat(header("To", "a")).isEmpty();
    }

    @Test
    void onlyTheAskedMailboxAnswers() {
        assertThat(matcher.matchingUids(id(otherMailbox), criterion(SearchQuery.bodyContains("report")))).containsExactly(1L);
        assertThat(matcher.matchingUids(id(otherMailbox), criterion(SearchQuery.bodyContains("van ban den")))).containsExactly(1L);
    }

    @Test
    void theIndexAloneAnswersNeedlesThatStartAndEndInsideARun() {
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains("Báo")))).isTrue();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains("a.b")))).isTrue();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.headerContains("Subject", "bao")))).isTrue();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.address(SearchQuery.AddressType.From, "@demo.gov.vn"))))
            .isTrue();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains("văn  bản")))).isTrue();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains(" bản")))).isFalse();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains("văn ")))).isFalse();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.bodyContains("")))).isFalse();
        assertThat(IndexedTextMatcher.answeredFromRuns(criterion(SearchQuery.headerContains("X:Y", "a")))).isFalse();
    }

    /** Random texts and needles: the index's answer is always the substring test on the folded text. */
    @Test
    void answersAreTheSubstringAnswerOnRandomText() throws IOException {
        Mailbox random = TestMessages.inbox("c@demo.gov.vn", 9);
        MessageIndexer indexer = new MessageIndexer(store, new MessageTextExtractor(
            new AttachmentTextExtractor(1024 * 1024, 100_000, Duration.ofSeconds(20)), 200_000));
        java.util.Random rnd = new java.util.Random(42);
        String[] pieces = {"van", "ban", "den", "Văn", "bản", "đến", "a", "ab", "ba", "x1", "9", " ", " ", " ", "  ", ", ", ".", "@", "-", ": "};
        java.util.Map<Long, String> bodies = new java.util.HashMap<>();
        for (long uid = 1; uid <= 60; uid++) {
            StringBuilder body = new StringBuilder("w");
            for (int k = 0; k < 40; k++) {
                body.append(pieces[rnd.nextInt(pieces.length)]);
            }
            bodies.put(uid, body.append('w').toString());
            index(indexer, random, uid, "s" + uid, bodies.get(uid));
        }
        for (int k = 0; k < 300; k++) {
            String source = bodies.get(1L + rnd.nextInt(60));
            int from = rnd.nextInt(source.length());
            String needle = source.substring(from, Math.min(source.length(), from + 1 + rnd.nextInt(12)));
            Set<Long> expected = new java.util.HashSet<>();
            bodies.forEach((uid, body) -> {
                if (vn.govmail.text.VietnameseText.fold(body).contains(vn.govmail.text.VietnameseText.fold(needle))) {
                    expected.add(uid);
                }
            });
            assertThat(matcher.matchingUids(id(random), criterion(SearchQuery.bodyContains(needle)))).as("BODY \"%s\"", needle)
                .isEqualTo(expected);
        }
    }

    private Set<Long> body(String needle) {
        return matcher.matchingUids(id(mailbox), criterion(SearchQuery.bodyContains(needle)));
    }

    private Set<Long> header(String name, String needle) {
        return matcher.matchingUids(id(mailbox), criterion(SearchQuery.headerContains(name, needle)));
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
