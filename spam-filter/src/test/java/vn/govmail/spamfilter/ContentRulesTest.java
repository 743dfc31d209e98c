package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Header anomalies, links, gov.vn impersonation and Vietnamese scam phrasing. */
class ContentRulesTest {
    private static final Path VI_CORPUS = Path.of(System.getProperty("govmail.corpus", "/work/shared/corpus"), "vi");
    private static SpamFilter filter;

    @BeforeAll
    static void start() {
        var properties = Messages.settings(0);
        properties.setProperty("spam.envelope.enabled", "false");
        properties.setProperty("spam.auth.enabled", "false");
        properties.setProperty("spam.uri.blocklist", "docs-share.ru");
        filter = SpamFilter.start(new SpamFilterSettings(properties), null);
    }

    @AfterAll
    static void stop() {
        filter.close();
    }

    private static Verdict scan(byte[] message) {
        return filter.scan(Messages.external("203.0.113.9", "mail.x.example", "a@x.example", "canbo@laichau.gov.vn"), message);
    }

    @Test
    void lookAlikeGovVnDomainsInFromOrLinksAreCaught() {
        assertThat(scan(Messages.plain("UBND tỉnh <vanthu@laichau-gov.vn.com>", "canbo@laichau.gov.vn", "Công văn", "Xem công văn"))
                .fired("GOV_LOOKALIKE_DOMAIN")).isTrue();
        Verdict link = scan(Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Tài liệu",
                "Tải tài liệu tại https://ubnd-laichau.gov.vn.docs-share.ru/file"));
        assertThat(link.fired("GOV_LOOKALIKE_DOMAIN")).isTrue();
        assertThat(link.fired("URI_BLOCKLISTED")).isTrue();
        assertThat(scan(Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Họp", "Xem https://laichau.gov.vn/tin-tuc"))
                .fired("GOV_LOOKALIKE_DOMAIN")).isFalse();
    }

    @Test
    void authorityDisplayNamesFromOutsideDomainsAreSpoofs() {
        assertThat(scan(Messages.plain("\"UBND tỉnh Lai Châu\" <ubnd.laichau@gmail.com>", "canbo@laichau.gov.vn", "Giấy mời", "Kính mời"))
                .fired("GOV_DISPLAY_NAME_SPOOF")).isTrue();
        assertThat(scan(Messages.plain("\"vanthu@laichau.gov.vn\" <x@mailer.example>", "canbo@laichau.gov.vn", "Giấy mời", "Kính mời"))
                .fired("GOV_DISPLAY_NAME_SPOOF")).isTrue();
        assertThat(scan(Messages.plain("\"UBND tỉnh Điện Biên\" <vanthu@dienbien.gov.vn>", "canbo@laichau.gov.vn", "Giấy mời", "Kính mời"))
                .fired("GOV_DISPLAY_NAME_SPOOF")).isFalse();
    }

    @Test
    void punycodeHomographsAreCaught() {
        // "lаichau" with a Cyrillic "а" (U+0430)
        String homograph = java.net.IDN.toASCII("lаichau.gov.vn.example");
        assertThat(homograph).startsWith("xn--");
        Verdict verdict = scan(Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Văn bản", "Mở http://" + homograph + "/login"));
        assertThat(verdict.fired("PUNYCODE_HOMOGRAPH")).isTrue();
        // a Vietnamese IDN is Latin script: not a homograph
        String vietnamese = java.net.IDN.toASCII("hànội.example");
        assertThat(scan(Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Văn bản", "Mở http://" + vietnamese + "/"))
                .fired("PUNYCODE_HOMOGRAPH")).isFalse();
    }

    @Test
    void headerAnomaliesScore() {
        byte[] bare = "From: a@x.example\r\nFrom: b@y.example\r\nSubject: KHUYEN MAI CUC LON HOM NAY\r\n\r\nhello\r\n".getBytes();
        Verdict verdict = scan(bare);
        assertThat(verdict.fired("MULTIPLE_FROM")).isTrue();
        assertThat(verdict.fired("MISSING_DATE")).isTrue();
        assertThat(verdict.fired("MISSING_MESSAGE_ID")).isTrue();
        assertThat(verdict.fired("SUBJECT_ALL_CAPS")).isTrue();
        assertThat(scan(Messages.plain("x@laichau.gov.vn", "canbo@laichau.gov.vn", "Họp", "Nội dung")).fired("FORGED_LOCAL_FROM")).isTrue();
    }

    @Test
    void aDateHoursAfterTheMessageWasReceivedScoresButAnOlderOneDoesNot() {
        String received = "Received: from mx.x.example (mx.x.example [203.0.113.9])\r\n\tby mail.laichau.gov.vn with ESMTP id 1;"
                + " Sun,  8 Sep 2002 00:29:09 +0100 (IST)\r\nReceived: from a by b; Sat, 7 Sep 2002 10:00:00 +0000\r\n";
        String rest = "From: a@x.example\r\nTo: canbo@laichau.gov.vn\r\nSubject: Chao\r\nMessage-ID: <1@x.example>\r\n\r\nXin chao\r\n";
        Verdict ahead = scan((received + "Date: Sun, 08 Sep 2002 22:29:09 +0700\r\n" + rest).getBytes());   // 15:29 UTC: 16 h after
        assertThat(ahead.fired("DATE_AFTER_RECEIVED")).isTrue();
        assertThat(ahead.fired("DATE_IN_FUTURE")).isFalse();
        Verdict late = scan((received + "Date: Sun, 08 Sep 2002 01:29:09 +0000\r\n" + rest).getBytes());   // 2 h after: clocks drift
        assertThat(late.fired("DATE_AFTER_RECEIVED")).isFalse();
        // Vietnamese local time stamped +0000 by a misconfigured server: 7 h "ahead", a time zone, not ratware
        Verdict mislabelled = scan((received + "Date: Sun, 08 Sep 2002 06:29:09 +0000\r\n" + rest).getBytes());
        assertThat(mislabelled.fired("DATE_AFTER_RECEIVED")).isFalse();
        Verdict old = scan((received + "Date: Fri, 06 Sep 2002 10:29:09 +0700 (ICT)\r\n" + rest).getBytes());   // queued for days
        assertThat(old.fired("DATE_AFTER_RECEIVED")).isFalse();
        Verdict noTrace = scan(("Date: Sun, 08 Sep 2002 10:29:09 +0700\r\n" + rest).getBytes());
        assertThat(noTrace.fired("DATE_AFTER_RECEIVED")).isFalse();
    }

    @Test
    void everyVietnameseSpamOfTheCorpusScoresAndEveryHamDoesNot() throws IOException {
        try (Stream<Path> spam = Files.list(VI_CORPUS.resolve("spam")); Stream<Path> ham = Files.list(VI_CORPUS.resolve("ham"))) {
            for (Path path : spam.toList()) {
                Verdict verdict = scan(Files.readAllBytes(path));
                assertThat(verdict.fired("VI_SCAM_PHRASE") || verdict.fired("GOV_LOOKALIKE_DOMAIN"))
                        .as(path + " " + verdict.hits()).isTrue();
                assertThat(verdict.score()).as(path + " " + verdict.hits()).isGreaterThanOrEqualTo(2.0);
            }
            for (Path path : ham.toList()) {
                Verdict verdict = scan(Files.readAllBytes(path));
                assertThat(verdict.action()).as(path + " " + verdict.hits()).isEqualTo(Action.DELIVER);
                assertThat(verdict.fired("VI_SCAM_PHRASE")).as(path + " " + verdict.hits()).isFalse();
            }
        }
    }
}
