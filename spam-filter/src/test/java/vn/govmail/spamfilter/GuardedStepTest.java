package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedStepTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CamelContext camel = new DefaultCamelContext();
    private final StepStatistics statistics = new StepStatistics();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A step that records the thread it ran on, then sleeps, fails or adds a rule hit. */
    private record Probe(String name, boolean inMemoryOnly, String behaviour, AtomicReference<Thread> ranOn) implements ScanStep {
        @Override
        public void apply(ScanContext context) throws Exception {
            ranOn.set(Thread.currentThread());
            switch (behaviour) {
                case "fail" -> throw new IllegalStateException("broken");
                case "slow" -> Thread.sleep(300);
                default -> {
                }
            }
            context.hit(RuleHit.of("PROBE", 1, name));
        }
    }

    private ScanContext run(Probe probe) {
        ScanContext context = new ScanContext(new SmtpEnvelope("198.51.100.7", "mx.example.net", "a@example.net",
                List.of("b@laichau.gov.vn"), false, false), "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII), Set.of());
        DefaultExchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(context);
        new GuardedStep(probe, executor, 100, statistics).process(exchange);
        return context;
    }

    @Test
    void inMemoryStepsRunOnTheCallersThreadOthersOnTheFiltersThreads() {
        AtomicReference<Thread> here = new AtomicReference<>();
        AtomicReference<Thread> there = new AtomicReference<>();
        assertThat(run(new Probe("headers", true, "ok", here)).hits()).extracting(RuleHit::rule).containsExactly("PROBE");
        assertThat(run(new Probe("spf", false, "ok", there)).hits()).extracting(RuleHit::rule).containsExactly("PROBE");
        assertThat(here.get()).isSameAs(Thread.currentThread());
        assertThat(there.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailingInMemoryStepIsNoOpinionAndCounted() {
        ScanContext context = run(new Probe("headers", true, "fail", new AtomicReference<>()));
        assertThat(context.noOpinionSteps()).containsExactly("headers");
        assertThat(context.hits()).isEmpty();
        assertThat(statistics.failures("headers")).isEqualTo(1);
        assertThat(statistics.runs("headers")).isEqualTo(1);
    }

    @Test
    void aSlowInMemoryStepIsCountedAsOverrunButKeepsItsAnswerWhileASlowThreadedStepIsAbandoned() {
        ScanContext inMemory = run(new Probe("headers", true, "slow", new AtomicReference<>()));
        assertThat(inMemory.hits()).extracting(RuleHit::rule).containsExactly("PROBE");
        assertThat(inMemory.noOpinionSteps()).isEmpty();
        assertThat(statistics.timeouts("headers")).isEqualTo(1);

        ScanContext threaded = run(new Probe("dkim", false, "slow", new AtomicReference<>()));
        assertThat(threaded.noOpinionSteps()).containsExactly("dkim");
        assertThat(statistics.timeouts("dkim")).isEqualTo(1);
    }
}
