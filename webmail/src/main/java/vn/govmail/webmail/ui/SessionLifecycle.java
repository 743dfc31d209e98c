package vn.govmail.webmail.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Vietnamese for every new session, the login page for anyone not logged in, IMAP closed when a session ends. */
@Component
public class SessionLifecycle implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(WebmailI18NProvider.VIETNAMESE));
        event.getSource().addSessionDestroyListener(destroy -> UserSession.end(destroy.getSession()));
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (!LoginView.class.equals(enter.getNavigationTarget()) && UserSession.account().isEmpty()) {
                // back there after login (e.g. the quarantine digest's link to /quarantine); a view path only
                enter.getUI().getSession().setAttribute(LoginView.AFTER_LOGIN, enter.getLocation().getPath());
                enter.forwardTo(LoginView.class);
            }
        }));
    }
}
