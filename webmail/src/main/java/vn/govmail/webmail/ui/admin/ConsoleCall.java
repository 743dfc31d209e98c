package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.PlatformApiException;

/**
 * Runs one admin console call and tells the administrator how it went: a success note, or the server's refusal with
 * its own message (403 "not allowed", 404/409/400 with what the server said), never a stack trace.
 */
final class ConsoleCall {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConsoleCall.class);

    /** A call to the server. */
    interface Action<T> {
        T run() throws PlatformApiException;
    }

    /** A call without an answer. */
    interface Step {
        void run() throws PlatformApiException;
    }

    private ConsoleCall() {
    }

    /** @return the answer, or empty after showing the refusal */
    static <T> Optional<T> fetch(Component where, Action<T> action) {
        try {
            return Optional.of(action.run());
        } catch (PlatformApiException e) {
            refused(where, e);
            return Optional.empty();
        }
    }

    /** Runs {@code step}; on success shows the translated {@code doneKey} (with {@code argument}) and answers true. */
    static boolean change(Component where, Step step, String doneKey, Object argument) {
        try {
            step.run();
        } catch (PlatformApiException e) {
            refused(where, e);
            return false;
        }
        Notification.show(where.getTranslation(doneKey, argument)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return true;
    }

    static void refused(Component where, PlatformApiException e) {
        LOGGER.info("admin console call refused ({}): {}", e.status(), e.getMessage());
        String text = switch (e.status()) {
            case 0 -> where.getTranslation("admin.error.unreachable");
            case 401, 403 -> where.getTranslation("admin.error.forbidden", e.getMessage());
            default -> where.getTranslation("admin.error.refused", e.getMessage());
        };
        Notification notification = Notification.show(text, 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("admin-error");
    }
}
