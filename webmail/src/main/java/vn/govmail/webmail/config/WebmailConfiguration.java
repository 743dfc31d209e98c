package vn.govmail.webmail.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.imap.IdleManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.govmail.webmail.mail.LoginThrottle;
import vn.govmail.webmail.mail.MailConnector;
import vn.govmail.webmail.mail.PreferencesStore;

/** The shared, stateless parts of the webmail; everything per user lives in the Vaadin session. */
@Configuration
public class WebmailConfiguration {
    private static final List<String> KEYS = List.of("GOVMAIL_DATA", "GOVMAIL_DEV_PORTS", "GOVMAIL_WEBMAIL_MAIL_HOST",
        "GOVMAIL_IMAP_PORT", "GOVMAIL_SUBMISSION_PORT", "GOVMAIL_MANAGESIEVE_PORT", "GOVMAIL_WEBMAIL_IMAP_SECURITY",
        "GOVMAIL_WEBMAIL_SMTP_SECURITY", "GOVMAIL_WEBMAIL_TRUST_CERT", "GOVMAIL_TLS_CERT", "GOVMAIL_WEBMAIL_MAX_ATTACHMENT_MB",
        "GOVMAIL_ADMIN_URL", "GOVMAIL_ADMIN_PORT");

    @Bean
    WebmailSettings webmailSettings(Environment environment) {
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            String value = environment.getProperty(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return WebmailSettings.fromEnvironment(values);
    }

    @Bean
    MailConnector mailConnector(WebmailSettings settings) {
        return new MailConnector(settings);
    }

    @Bean
    LoginThrottle loginThrottle(WebmailSettings settings) {
        return new LoginThrottle(settings.loginThrottleWindow(), Clock.systemUTC());
    }

    @Bean
    PreferencesStore preferencesStore(Environment environment) {
        return new PreferencesStore(Path.of(environment.getProperty("GOVMAIL_DATA", "data"), "webmail", "preferences"));
    }

    /** One IdleManager (one selector thread plus a small pool) watches the open folder of every user: no thread per user. */
    @Bean(destroyMethod = "stop")
    IdleManager idleManager() throws java.io.IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "imap-idle");
            thread.setDaemon(true);
            return thread;
        });
        // The session here only carries logging settings; every watched folder brings its own connection.
        return new IdleManager(jakarta.mail.Session.getInstance(new java.util.Properties()), pool);
    }
}
