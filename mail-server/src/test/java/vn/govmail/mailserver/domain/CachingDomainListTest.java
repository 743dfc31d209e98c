package vn.govmail.mailserver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.junit.jupiter.api.Test;

import vn.govmail.mailserver.SettableClock;

class CachingDomainListTest {
    private static final Domain PROVINCE = Domain.of("laichau.gov.vn");

    /** A domain list in memory that counts the questions it is asked. */
    private static final class CountingDomainList implements DomainList {
        final List<Domain> domains = new ArrayList<>();
        int questions;

        @Override
        public List<Domain> getDomains() {
            return List.copyOf(domains);
        }

        @Override
        public boolean containsDomain(Domain domain) {
            questions++;
            return domains.contains(domain);
        }

        @Override
        public void addDomain(Domain domain) {
            domains.add(domain);
        }

        @Override
        public void removeDomain(Domain domain) {
            domains.remove(domain);
        }

        @Override
        public Domain getDefaultDomain() {
            return PROVINCE;
        }
    }

    private final CountingDomainList store = new CountingDomainList();
    private final SettableClock clock = new SettableClock();
    private final CachingDomainList domains = new CachingDomainList(store, Duration.ofSeconds(30), clock);

    @Test
    void repeatedQuestionsReachTheStoreOnceWithinTheTimeToLive() throws Exception {
        store.addDomain(PROVINCE);

        for (int i = 0; i < 5; i++) {
            assertThat(domains.containsDomain(PROVINCE)).isTrue();
        }
        assertThat(store.questions).isEqualTo(1);

        clock.now = clock.now.plusSeconds(31);
        assertThat(domains.containsDomain(PROVINCE)).isTrue();
        assertThat(store.questions).isEqualTo(2);
    }

    @Test
    void aDomainAddedThroughTheListIsLocalAtOnceEvenAfterAMiss() throws Exception {
        assertThat(domains.containsDomain(PROVINCE)).isFalse();

        domains.addDomain(PROVINCE);

        assertThat(domains.containsDomain(PROVINCE)).isTrue();
    }

    @Test
    void aDomainRemovedThroughTheListIsForeignAtOnce() throws Exception {
        domains.addDomain(PROVINCE);
        assertThat(domains.containsDomain(PROVINCE)).isTrue();

        domains.removeDomain(PROVINCE);

        assertThat(domains.containsDomain(PROVINCE)).isFalse();
    }

    @Test
    void aChangeMadeElsewhereIsSeenAfterTheTimeToLive() throws Exception {
        assertThat(domains.containsDomain(PROVINCE)).isFalse();
        store.addDomain(PROVINCE); // another server on the same database

        assertThat(domains.containsDomain(PROVINCE)).isFalse();
        clock.now = clock.now.plusSeconds(31);
        assertThat(domains.containsDomain(PROVINCE)).isTrue();
    }
}
