package vn.govmail.spamfilter;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check (a pipeline step, an SMTP-time lookup) on the filter's threads within a time limit. A check
 * that throws or overruns gives "no opinion" (an empty answer); it is counted in {@link StepStatistics} under
 * its name and logged, never thrown to the caller.
 */
final class TimeLimit {
    private static final Logger LOG = LoggerFactory.getLogger(TimeLimit.class);

    private TimeLimit() {
    }

    static <T> Optional<T> run(String name, Callable<T> check, ExecutorService executor, long timeoutMillis, StepStatistics statistics) {
        statistics.ran(name);
        long started = System.nanoTime();
        Future<T> running = executor.submit(check);
        try {
            return Optional.of(running.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            running.cancel(true);
            statistics.timedOut(name);
            LOG.warn("spam filter {} timed out after {} ms: no opinion", name, timeoutMillis);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            statistics.failed(name);
            LOG.warn("spam filter {} failed: no opinion ({})", name, (e.getCause() == null ? e : e.getCause()).toString());
        } finally {
            statistics.took(name, System.nanoTime() - started);
        }
        return Optional.empty();
    }

    /**
     * Runs an in-memory check on the caller's thread: a failure is "no opinion" as in {@link #run}; an overrun
     * cannot be cut short here, so it is counted as a time-out and logged, and the answer is kept.
     */
    static <T> Optional<T> runHere(String name, Callable<T> check, long timeoutMillis, StepStatistics statistics) {
        statistics.ran(name);
        long started = System.nanoTime();
        try {
            return Optional.of(check.call());
        } catch (Exception e) {
            statistics.failed(name);
            LOG.warn("spam filter {} failed: no opinion ({})", name, e.toString());
            return Optional.empty();
        } finally {
            long took = System.nanoTime() - started;
            statistics.took(name, took);
            if (took > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                statistics.timedOut(name);
                LOG.warn("spam filter {} took {} ms, over its {} ms limit (in-memory step: answer kept)", name, took / 1_000_000, timeoutMillis);
            }
        }
    }
}
