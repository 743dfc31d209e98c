package vn.govmail.spamfilter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ScanStep} as a Camel processor with a time limit. A step that throws or overruns
 * gives "no opinion": it is counted and logged, and the message goes on to the next step.
 */
final class GuardedStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedStep.class);

    private final ScanStep step;
    private final ExecutorService executor;
    private final long timeoutMillis;
    private final StepStatistics statistics;

    GuardedStep(ScanStep step, ExecutorService executor, long timeoutMillis, StepStatistics statistics) {
        this.step = step;
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
        this.statistics = statistics;
    }

    @Override
    public void process(Exchange exchange) {
        ScanContext context = exchange.getIn().getBody(ScanContext.class);
        statistics.ran(step.name());
        long started = System.nanoTime();
        Future<?> running = executor.submit(() -> {
            step.apply(context);
            return null;
        });
        try {
            running.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            statistics.timedOut(step.name());
            context.noOpinion(step.name());
            LOG.warn("spam filter step {} timed out after {} ms: no opinion", step.name(), timeoutMillis);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            context.noOpinion(step.name());
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            statistics.failed(step.name());
            context.noOpinion(step.name());
            LOG.warn("spam filter step {} failed: no opinion ({})", step.name(), cause.toString());
        } finally {
            statistics.took(step.name(), System.nanoTime() - started);
        }
    }

    @Override
    public String toString() {
        return "step:" + step.name();
    }
}
