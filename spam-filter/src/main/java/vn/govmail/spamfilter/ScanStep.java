package vn.govmail.spamfilter;

/** One check of the pipeline. It adds rule hits to the context; it may throw, the route then records "no opinion". */
public interface ScanStep {
    /** Short lower-case name used in counters, logs and docs. */
    String name();

    void apply(ScanContext context) throws Exception;
}
