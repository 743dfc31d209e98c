package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.govmail.spamfilter.bayes.BayesClassifier;
import vn.govmail.spamfilter.bayes.JdbcTokenStore;
import vn.govmail.spamfilter.bayes.TokenStore;
import vn.govmail.spamfilter.bayes.Tokenizer;

/** The tokenizer on Vietnamese, and the classifier on real PostgreSQL with per-domain statistics and a global fallback. */
class BayesClassifierTest {
    private static PostgresDatabase database;
    private static TokenStore store;

    @BeforeAll
    static void create() throws Exception {
        database = new PostgresDatabase();
        store = new JdbcTokenStore(database.dataSource());
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
    }

    private static Set<String> tokens(String subject, String body) throws Exception {
        return new Tokenizer().tokens(ParsedMessage.parse(Messages.plain("a@x.example", "b@y.example", subject, body)));
    }

    @Test
    void vietnameseTextGivesSyllablesFoldedFormsAndBigrams() throws Exception {
        Set<String> tokens = tokens("Thông báo định danh", "Tài khoản định danh điện tử của bạn sẽ bị khóa");
        assertThat(tokens).contains("định", "f:dinh", "f:dien", "b:dinh danh", "b:tai khoan", "s:thông", "s:f:thong", "a:from:x.example");
        assertThat(Tokenizer.fold("Đường ĐẮK LẮK")).isEqualTo("duong dak lak");
    }

    @Test
    void learnsPerDomainFallsBackToGlobalAndNeverCountsAMessageTwice() throws Exception {
        BayesClassifier classifier = new BayesClassifier(store, 3);
        assertThat(classifier.spamProbability(tokens("x", "y"), "laichau.gov.vn")).isEmpty();
        String[] spam = {"Trúng thưởng iPhone chuyển phí nhận quà ngay", "Vay tiêu dùng lãi suất 0% giải ngân nhanh",
                "Xác thực tài khoản định danh nhập mã OTP ngay", "Hoàn thuế thu nhập tải biểu mẫu tài khoản ngân hàng"};
        String[] ham = {"Giấy mời họp giao ban tuần tại phòng họp tầng 2", "Báo cáo tiến độ giải ngân vốn đầu tư công quý III",
                "Kế hoạch tổ chức hội nghị tổng kết công tác năm", "Công văn hướng dẫn triển khai chuyển đổi số cấp xã"};
        learnAll(classifier, "dienbien.gov.vn", spam, "Thư ", ham, "Văn bản ");
        assertThat(store.messageCounts("dienbien.gov.vn")).isEqualTo(new vn.govmail.spamfilter.bayes.TokenCounts(4, 4));
        byte[] again = Messages.plain("a@x.example", "b@dienbien.gov.vn", "Thư 0", spam[0]);
        classifier.learn(again, new Tokenizer().tokens(ParsedMessage.parse(again)), true, "dienbien.gov.vn");
        assertThat(store.messageCounts(TokenStore.GLOBAL).spam()).isEqualTo(4);

        // laichau.gov.vn learned nothing: it uses the global statistics
        OptionalDouble scam = classifier.spamProbability(tokens("Chúc mừng", "Bạn trúng thưởng, chuyển phí nhận quà, nhập mã OTP"), "laichau.gov.vn");
        OptionalDouble work = classifier.spamProbability(tokens("Giấy mời", "Mời dự họp giao ban tổng kết công tác"), "laichau.gov.vn");
        assertThat(scam.getAsDouble()).isGreaterThan(0.9);
        assertThat(work.getAsDouble()).isLessThan(0.1);

        // a reclassification moves the message from spam to ham instead of counting it twice
        classifier.learn(again, new Tokenizer().tokens(ParsedMessage.parse(again)), false, "dienbien.gov.vn");
        assertThat(store.messageCounts("dienbien.gov.vn")).isEqualTo(new vn.govmail.spamfilter.bayes.TokenCounts(3, 5));
    }

    @Test
    void logisticModelIsFittedFromTheStoredMessagesAndSurvivesARestart() throws Exception {
        BayesClassifier classifier = new BayesClassifier(store, 3).withLogisticModel(1, 5, 0.003, 1000);
        String[] spam = {"Trúng thưởng iPhone chuyển phí nhận quà ngay", "Vay tiêu dùng lãi suất 0% giải ngân nhanh",
                "Xác thực tài khoản định danh nhập mã OTP ngay", "Chúc mừng bạn trúng thưởng, nhập mã OTP nhận quà"};
        String[] ham = {"Giấy mời họp giao ban tuần tại phòng họp tầng 2", "Báo cáo tiến độ giải ngân vốn đầu tư công quý III",
                "Kế hoạch tổ chức hội nghị tổng kết công tác năm", "Mời dự họp tổng kết công tác chuyển đổi số"};
        learnAll(classifier, "sonla.gov.vn", spam, "Quà ", ham, "Họp ");
        classifier.refitModels();
        Set<String> scam = tokens("Chúc mừng", "Bạn trúng thưởng, chuyển phí nhận quà, nhập mã OTP");
        Set<String> work = tokens("Giấy mời", "Mời dự họp giao ban tổng kết công tác");
        assertThat(classifier.spamProbability(scam, "sonla.gov.vn").getAsDouble()).isGreaterThan(0.9);
        assertThat(classifier.spamProbability(work, "sonla.gov.vn").getAsDouble()).isLessThan(0.2);

        // a new classifier over the same database (a restart, another node) fits the same model from the stored tokens
        BayesClassifier restarted = new BayesClassifier(new JdbcTokenStore(database.dataSource()), 3).withLogisticModel(1, 5, 0.003, 1000);
        assertThat(restarted.spamProbability(scam, "sonla.gov.vn")).as("no opinion until the first fit").isEmpty();
        await(() -> restarted.spamProbability(scam, "sonla.gov.vn").isPresent());
        assertThat(restarted.spamProbability(scam, "sonla.gov.vn").getAsDouble())
                .isCloseTo(classifier.spamProbability(scam, "sonla.gov.vn").getAsDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Learns spam[i] from outside and ham[i] from inside the domain, alternately, subjects numbered. */
    private static void learnAll(BayesClassifier classifier, String domain, String[] spam, String spamSubject, String[] ham,
                                 String hamSubject) throws Exception {
        for (int i = 0; i < spam.length; i++) {
            byte[] s = Messages.plain("a@x.example", "b@" + domain, spamSubject + i, spam[i]);
            byte[] h = Messages.plain("c@" + domain, "b@" + domain, hamSubject + i, ham[i]);
            classifier.learn(s, new Tokenizer().tokens(ParsedMessage.parse(s)), true, domain);
            classifier.learn(h, new Tokenizer().tokens(ParsedMessage.parse(h)), false, domain);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
