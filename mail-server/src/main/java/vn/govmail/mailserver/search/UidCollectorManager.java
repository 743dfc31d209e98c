package vn.govmail.mailserver.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.search.CollectorManager;

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

    static final class UidCollector extends UidValuesCollector {
        private final Set<Long> uids = new HashSet<>();

        @Override
        void uid(long uid) {
            uids.add(uid);
        }
    }
}
