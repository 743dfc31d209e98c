package vn.govmail.spamfilter;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The pipeline, in order. {@code direct:scan} takes a {@link ScanContext} and answers a {@link Verdict};
 * {@code seda:learn} trains the classifier in the background.
 *
 * <pre>
 * sender lists → [reputation, skipped for authenticated intra-province mail:
 *                 envelope → SPF → DKIM → DMARC → headers → URLs → gov.vn impersonation → scam phrases → Bayes]
 *              → attachments → antivirus → verdict
 * </pre>
 */
final class SpamFilterRoutes extends RouteBuilder {
    static final String SCAN = "direct:scan";
    static final String LEARN = "seda:learn";

    private final ScanStep senderLists;
    private final List<ScanStep> reputationSteps;
    private final List<ScanStep> malwareSteps;
    private final VerdictMaker verdictMaker;
    private final Consumer<LearnRequest> learner;
    private final ExecutorService executor;
    private final long timeoutMillis;
    private final StepStatistics statistics;

    SpamFilterRoutes(ScanStep senderLists, List<ScanStep> reputationSteps, List<ScanStep> malwareSteps,
                     VerdictMaker verdictMaker, Consumer<LearnRequest> learner, ExecutorService executor,
                     long timeoutMillis, StepStatistics statistics) {
        this.senderLists = senderLists;
        this.reputationSteps = reputationSteps;
        this.malwareSteps = malwareSteps;
        this.verdictMaker = verdictMaker;
        this.learner = learner;
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
        this.statistics = statistics;
    }

    @Override
    public void configure() {
        ProcessorDefinition<?> scan = from(SCAN).routeId("spam-scan")
                .process(guarded(senderLists))
                .filter(exchange -> exchange.getIn().getBody(ScanContext.class).reputationApplies());
        for (ScanStep step : reputationSteps) {
            scan = scan.process(guarded(step));
        }
        scan = scan.end();
        for (ScanStep step : malwareSteps) {
            scan = scan.process(guarded(step));
        }
        scan.process(verdictMaker);

        from(LEARN + "?concurrentConsumers=1&size=10000").routeId("spam-learn")
                .process(exchange -> learner.accept(exchange.getIn().getBody(LearnRequest.class)));
    }

    private GuardedStep guarded(ScanStep step) {
        return new GuardedStep(step, executor, timeoutMillis, statistics);
    }
}
