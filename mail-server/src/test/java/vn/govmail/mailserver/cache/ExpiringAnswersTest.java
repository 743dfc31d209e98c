package vn.govmail.mailserver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ExpiringAnswersTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void anAnswerIsRememberedUntilItExpires() {
        MutableClock time = new MutableClock();
        ExpiringAnswers<String, String> answers = new ExpiringAnswers<>(Duration.ofSeconds(30), time, 10);
        assertThat(answers.get("a", () -> read("v1"))).isEqualTo("v1");
        assertThat(answers.get("a", () -> read("v2"))).isEqualTo("v1");
        time.now = time.now.plusSeconds(31);
        assertThat(answers.get("a", () -> read("v3"))).isEqualTo("v3");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAnswerReadWhileTheStoreChangedIsNotUsedAfterTheChange() {
        ExpiringAnswers<String, String> answers = new ExpiringAnswers<>(Duration.ofSeconds(30), clock, 10);
        // the change (and its forget) happens after the store was read but before the answer is stored
        assertThat(answers.get("alias@demo.gov.vn", () -> {
            String before = read("no mapping");
            answers.forget();
            return before;
        })).isEqualTo("no mapping");
        assertThat(answers.remembered("alias@demo.gov.vn")).isEmpty();
        assertThat(answers.get("alias@demo.gov.vn", () -> read("mapped"))).isEqualTo("mapped");
    }

    @Test
    void forgetDropsEveryAnswerAndTooManyQuestionsStartOver() {
        ExpiringAnswers<String, String> answers = new ExpiringAnswers<>(Duration.ofSeconds(30), clock, 2);
        answers.get("a", () -> read("1"));
        answers.get("b", () -> read("2"));
        answers.get("c", () -> read("3"));     // over the bound: a and b are dropped
        assertThat(answers.remembered("a")).isEmpty();
        assertThat(answers.remembered("c")).contains("3");
        answers.forget();
        assertThat(answers.remembered("c")).isEmpty();
    }

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
