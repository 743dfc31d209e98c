package vn.govmail.mailserver.administrators;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsernameChangeTaskStep;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When an account is renamed (James's username change, used by {@code AccountRenamer}), its administrator role goes
 * with it: the new name may use the console, the old address (which may later be given to someone else) may not.
 * Goes through {@link AdministratorStore} so its in-memory copy changes too.
 */
public class AdministratorUsernameChangeStep implements UsernameChangeTaskStep {
    private final AdministratorStore administrators;

    @Inject
    public AdministratorUsernameChangeStep(AdministratorStore administrators) {
        this.administrators = administrators;
    }

    @Override
    public StepName name() {
        return new StepName("GovmailAdministratorUsernameChangeTaskStep");
    }

    @Override
    public int priority() {
        return 11;
    }

    @Override
    public Publisher<Void> changeUsername(Username oldUsername, Username newUsername) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                administrators.transfer(oldUsername, newUsername);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot move the administrator role of " + oldUsername.asString(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
