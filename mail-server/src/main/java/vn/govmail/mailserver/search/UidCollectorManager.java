package vn.govmail.mailserver.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Collects the UID doc value of every matching document. */
final class UidCollectorManager implements CollectorManager<UidCollectorManager.UidCollector, Set<Long>> {

    @Override
    public UidCollector newCollector() {
        return new UidCollector();
    }

    @Override
    public Set<Long> reduce(Collection<UidCollector> collectors) {
        Set<Long> uids = new HashSet<>();
        collectors.forEach(collector -> uids.addAll(collector.uids));
        return uids;
    }

    static final class UidCollector extends SimpleCollector {
        private final Set<Long> uids = new HashSet<>();
        private NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getNumeric(context.reader(), IndexFields.UID);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                uids.add(values.longValue());
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
