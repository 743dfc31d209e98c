package vn.govmail.spamfilter;

/** One check of the pipeline. It adds rule hits to the context; it may throw, the route then records "no opinion". */
public interface ScanStep {
    /** Short lower-case name used in counters, logs and docs. */
    String name();

    void apply(ScanContext context) throws Exception;

    /**
     * True for a step that only computes over the message in memory (no DNS, database, socket or parser of
     * attachments), with work bounded by the message's size: it runs on the caller's thread, which saves two
     * thread switches per step (JFR: a large share of a scan's wall clock on a loaded machine). Its failures
     * are still "no opinion"; an overrun of the time limit is logged and counted, but its answer is kept.
     * False (the default): the step runs on the filter's threads and is abandoned when it overruns.
     */
    default boolean inMemoryOnly() {
        return false;
    }
}
