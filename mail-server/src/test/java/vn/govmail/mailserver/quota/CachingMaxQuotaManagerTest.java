package vn.govmail.mailserver.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import vn.govmail.mailserver.SettableClock;

class CachingMaxQuotaManagerTest {
    private static final Domain PROVINCE = Domain.of("laichau.gov.vn");
    private static final QuotaRoot ALICE = QuotaRoot.quotaRoot("#private&alice@laichau.gov.vn", Optional.of(PROVINCE));

    /** A store in memory (user and domain limits, only what the cache calls) that counts its reads. */
    private final Map<Quota.Scope, QuotaCountLimit> counts = new HashMap<>();
    private final Map<Quota.Scope, QuotaSizeLimit> sizes = new HashMap<>();
    private int reads;
    private final MaxQuotaManager store = (MaxQuotaManager) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {MaxQuotaManager.class}, (proxy, method, args) -> switch (method.getName()) {
            case "listMaxMessagesDetails" -> {
                reads++;
                yield Map.copyOf(counts);
            }
            case "listMaxStorageDetails" -> {
                reads++;
                yield Map.copyOf(sizes);
            }
            case "setMaxMessage" -> {
                counts.put(Quota.Scope.User, (QuotaCountLimit) args[1]);
                yield null;
            }
            case "setDomainMaxStorage" -> {
                sizes.put(Quota.Scope.Domain, (QuotaSizeLimit) args[1]);
                yield null;
            }
            default -> throw new UnsupportedOperationException(method.getName());
        });
    private final SettableClock clock = new SettableClock();
    private final CachingMaxQuotaManager limits = new CachingMaxQuotaManager(store, Duration.ofSeconds(30), clock);

    @Test
    void theLimitsOfAUserAreReadOnceWithinTheTimeToLive() {
        counts.put(Quota.Scope.User, QuotaCountLimit.count(100));

        for (int i = 0; i < 3; i++) {
            assertThat(limits.quotaDetails(ALICE).getMaxMessageDetails()).containsEntry(Quota.Scope.User, QuotaCountLimit.count(100));
            assertThat(Mono.from(limits.quotaDetailsReactive(ALICE)).block().getMaxStorageDetails()).isEmpty();
        }
        assertThat(reads).isEqualTo(2);

        clock.now = clock.now.plusSeconds(31);
        limits.quotaDetails(ALICE);
        assertThat(reads).isEqualTo(4);
    }

    @Test
    void aUserLimitSetThroughTheManagerAppliesToTheNextMessage() throws Exception {
        assertThat(limits.listMaxMessagesDetails(ALICE)).isEmpty();

        limits.setMaxMessage(ALICE, QuotaCountLimit.count(10));

        assertThat(limits.getMaxMessage(ALICE)).contains(QuotaCountLimit.count(10));
    }

    @Test
    void aDomainLimitSetThroughTheManagerAppliesToItsUsersAtOnce() throws Exception {
        assertThat(Mono.from(limits.listMaxStorageDetailsReactive(ALICE)).block()).isEmpty();

        limits.setDomainMaxStorage(PROVINCE, QuotaSizeLimit.size(1_000_000));

        assertThat(Mono.from(limits.listMaxStorageDetailsReactive(ALICE)).block())
            .containsEntry(Quota.Scope.Domain, QuotaSizeLimit.size(1_000_000));
    }
}
