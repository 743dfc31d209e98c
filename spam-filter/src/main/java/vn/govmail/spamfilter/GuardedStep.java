package vn.govmail.spamfilter;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs one {@link ScanStep} as a Camel processor with a time limit. A step that throws or overruns
 * gives "no opinion": it is counted and logged, and the message goes on to the next step. In-memory steps
 * ({@link ScanStep#inMemoryOnly()}) run on the caller's thread: they cannot be abandoned, only counted.
 */
final class GuardedStep implements Processor {
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
        Callable<Boolean> check = () -> {
            step.apply(context);
            return Boolean.TRUE;
        };
        boolean finished = (step.inMemoryOnly()
                ? TimeLimit.runHere(step.name(), check, timeoutMillis, statistics)
                : TimeLimit.run(step.name(), check, executor, timeoutMillis, statistics)).isPresent();
        if (!finished) {
            context.noOpinion(step.name());
        }
    }

    @Override
    public String toString() {
        return "step:" + step.name();
    }
}
