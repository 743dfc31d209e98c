package vn.govmail.mailserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import vn.govmail.mailserver.SettableClock;

class CachingUsersRepositoryTest {
    private static final Username ALICE = Username.of("alice@laichau.gov.vn");

    /** A store in memory (only what the cache calls) that counts the "contains" questions it is asked. */
    private final Set<Username> accounts = new HashSet<>();
    private int questions;
    private final UsersRepository store = (UsersRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {UsersRepository.class}, (proxy, method, args) -> switch (method.getName()) {
            case "contains" -> {
                questions++;
                yield accounts.contains((Username) args[0]);
            }
            case "containsReactive" -> {
                questions++;
                yield Mono.just(accounts.contains((Username) args[0]));
            }
            case "addUser" -> {
                accounts.add((Username) args[0]);
                yield null;
            }
            case "removeUser" -> {
                accounts.remove((Username) args[0]);
                yield null;
            }
            default -> throw new UnsupportedOperationException(method.getName());
        });
    private final SettableClock clock = new SettableClock();
    private final CachingUsersRepository users = new CachingUsersRepository(store, Duration.ofSeconds(30), clock);

    @Test
    void anExistingAccountIsAskedForOnceWithinTheTimeToLive() throws Exception {
        accounts.add(ALICE);

        for (int i = 0; i < 4; i++) {
            assertThat(users.contains(ALICE)).isTrue();
            assertThat(Mono.from(users.containsReactive(ALICE)).block()).isTrue();
        }
        assertThat(questions).isEqualTo(1);

        clock.now = clock.now.plusSeconds(31);
        assertThat(users.contains(ALICE)).isTrue();
        assertThat(questions).isEqualTo(2);
    }

    @Test
    void aMissingAccountIsNotRememberedSoAnAccountCreatedElsewhereReceivesMailAtOnce() throws Exception {
        assertThat(users.contains(ALICE)).isFalse();

        accounts.add(ALICE); // e.g. the batched import, which writes JPA rows without this repository

        assertThat(users.contains(ALICE)).isTrue();
    }

    @Test
    void anAccountRemovedThroughTheRepositoryIsGoneAtOnce() throws Exception {
        users.addUser(ALICE, "secret");
        assertThat(users.contains(ALICE)).isTrue();

        users.removeUser(ALICE);

        assertThat(users.contains(ALICE)).isFalse();
    }

    @Test
    void anAccountRemovedElsewhereIsGoneAfterTheTimeToLive() throws Exception {
        accounts.add(ALICE);
        assertThat(users.contains(ALICE)).isTrue();
        accounts.remove(ALICE); // another server on the same database

        assertThat(users.contains(ALICE)).isTrue();
        clock.now = clock.now.plusSeconds(31);
        assertThat(users.contains(ALICE)).isFalse();
    }
}
