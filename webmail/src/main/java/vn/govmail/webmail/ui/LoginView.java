package vn.govmail.webmail.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.mail.LoginThrottle;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MailConnector;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.UserPreferences;

/** Sign-in with the mail account's own credentials (checked by an IMAP LOGIN over TLS). */
@Route("login")
@PageTitle("govmail")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    /** Session attribute: the view path asked for before login. */
    static final String AFTER_LOGIN = "govmail.afterLogin";
    private static final Logger LOGGER = LoggerFactory.getLogger(LoginView.class);
    private final MailConnector connector;
    private final LoginThrottle throttle;
    private final PreferencesStore preferences;
    private final LoginForm form = new LoginForm();
    private LoginI18n shown;

    public LoginView(MailConnector connector, LoginThrottle throttle, PreferencesStore preferences) {
        this.connector = connector;
        this.throttle = throttle;
        this.preferences = preferences;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        Select<Locale> language = LanguageSelect.create(this::translate);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> login(event.getUsername(), event.getPassword()));
        shown = i18n();
        form.setI18n(shown);
        add(new H1(getTranslation("login.title")), form, language);
    }

    private String translate(String key) {
        return getTranslation(key);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.description"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.required.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.required.password"));
        return i18n;
    }

    void login(String username, String password) {
        String user = username == null ? "" : username.strip();
        String client = clientAddress();
        Duration wait = throttle.waitBefore(user, client);
        if (!wait.isZero()) {
            showError(getTranslation("login.error.throttled", Math.max(1, (wait.toSeconds() + 59) / 60)));
            return;
        }
        try {
            MailAccount account = connector.login(user, password == null ? new char[0] : password.toCharArray());
            throttle.succeeded(user);
            // A fresh session id after login (no session fixation).
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            UserPreferences prefs = preferences.load(user);
            UserSession.start(account, prefs);
            VaadinSession.getCurrent().setLocale(LanguageSelect.locale(prefs.language, VaadinSession.getCurrent().getLocale()));
            LOGGER.info("webmail login user={} client={}", user, client);
            Object next = VaadinSession.getCurrent().getAttribute(AFTER_LOGIN);
            VaadinSession.getCurrent().setAttribute(AFTER_LOGIN, null);
            if (next instanceof String path && !path.isEmpty()) {
                UI.getCurrent().navigate(path);   // a route of this application (Vaadin navigates inside it only)
            } else {
                UI.getCurrent().navigate(MailView.class);
            }
        } catch (AuthenticationFailedException e) {
            throttle.failed(user, client);
            LOGGER.info("webmail login failed user={} client={}", user, client);
            showError(getTranslation("login.error.message"));
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("webmail login: mail server unreachable: {}", e.toString());
            showError(getTranslation("login.error.server"));
        }
    }

    private void showError(String message) {
        LoginI18n i18n = i18n();
        i18n.getErrorMessage().setMessage(message);
        shown = i18n;
        form.setI18n(i18n);
        form.setError(true);
        form.setEnabled(true);
    }

    /** The texts the form shows now (LoginForm does not expose them). */
    LoginI18n shownTexts() {
        return shown;
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "" : request.getRemoteAddr();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (UserSession.account().isPresent()) {
            event.forwardTo(MailView.class);
        }
    }
}
