package vn.govmail.mailserver.spam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the quarantine digest once a day, at the first check (every minute) after {@code spam.quarantine.digest.hour}
 * Vietnam time on a day whose run is not yet recorded: a server down at that hour sends when it comes back, a restart
 * after the run sends nothing more. Off with {@code spam.quarantine.digest.enabled=false}.
 */
@Singleton
public class QuarantineDigestTask implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigestTask.class);

    private final QuarantineDigest digest;
    private final QuarantineDigestStore store;
    private final SpamFilterService settings;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quarantine-digest");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public QuarantineDigestTask(QuarantineDigest digest, QuarantineDigestStore store, SpamFilterService settings) {
        this.digest = digest;
        this.store = store;
        this.settings = settings;
    }

    public void start() {
        if (!settings.digestEnabled()) {
            LOGGER.info("Daily quarantine digest off (spam.quarantine.digest.enabled=false)");
            return;
        }
        int hour = settings.digestHour();
        LOGGER.info("Daily quarantine digest after {}:00 Vietnam time", hour);
        scheduler.scheduleWithFixedDelay(this::runIfDue, 1, 1, TimeUnit.MINUTES);
    }

    private void runIfDue() {
        try {
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(QuarantineDigest.VIETNAM);
            LocalDate today = now.toLocalDate();
            if (due(now, settings.digestHour()) && !store.ranOn(today)) {
                digest.sendNow();
                store.recordRun(today);
            }
        } catch (Exception e) {
            LOGGER.warn("Quarantine digest failed this round (tried again in a minute): {}", e.getMessage());
        }
    }

    /** Whether it is past the digest hour in Vietnam (the day's run, if not yet recorded, is then due). */
    static boolean due(ZonedDateTime now, int hour) {
        return now.withZoneSameInstant(QuarantineDigest.VIETNAM).getHour() >= hour;
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
    }
}
