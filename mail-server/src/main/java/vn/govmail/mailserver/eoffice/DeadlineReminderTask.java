package vn.govmail.mailserver.eoffice;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.eoffice.intake.DeadlineReminders;

/** Every hour (first run a minute after start), mails the deadline reminders that are due. */
@Singleton
public class DeadlineReminderTask {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeadlineReminderTask.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eoffice-reminders");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public DeadlineReminderTask(EofficeServices services, NoticeMailer mailer) {
        DeadlineReminders reminders = new DeadlineReminders(services.store(), Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                List<DeadlineReminders.Reminder> due = reminders.due();
                due.forEach(reminder -> mailer.send(reminder.unit(), List.of(reminder.notice())));
                if (!due.isEmpty()) {
                    LOGGER.info("eOffice: {} deadline reminder(s) sent", due.size());
                }
            } catch (Exception e) {
                LOGGER.warn("eOffice: deadline reminders failed this round: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
    }
}
