package vn.govmail.mailserver.search;

import java.util.Collection;

import org.apache.lucene.search.CollectorManager;

/** Count, sum and highest value of the UID doc values of the matching documents (no set is built). */
final class UidSummaryCollectorManager implements CollectorManager<UidSummaryCollectorManager.SummaryCollector, UidSummaryCollectorManager.UidSummary> {

    record UidSummary(long count, long sum, long max) {
    }

    @Override
    public SummaryCollector newCollector() {
        return new SummaryCollector();
    }

    @Override
    public UidSummary reduce(Collection<SummaryCollector> collectors) {
        long count = 0;
        long sum = 0;
        long max = 0;
        for (SummaryCollector collector : collectors) {
            count += collector.count;
            sum += collector.sum;
            max = Math.max(max, collector.max);
        }
        return new UidSummary(count, sum, max);
    }

    static final class SummaryCollector extends UidValuesCollector {
        private long count;
        private long sum;
        private long max;

        @Override
        void uid(long uid) {
            count++;
            sum += uid;
            max = Math.max(max, uid);
        }
    }
}
