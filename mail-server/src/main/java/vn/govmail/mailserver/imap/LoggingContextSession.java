package vn.govmail.mailserver.imap;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.apache.james.imap.api.process.ImapLineHandler;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.util.MDCBuilder;

/**
 * A view of an IMAP session, used only while AUTHENTICATE is processed, whose line handlers (the SASL
 * continuation that carries the credentials) run inside the connection's logging context (client address,
 * session id). Everything else goes straight to the real session.
 */
final class LoggingContextSession implements InvocationHandler {
    private final ImapSession session;

    private LoggingContextSession(ImapSession session) {
        this.session = session;
    }

    static ImapSession wrap(ImapSession session) {
        return (ImapSession) Proxy.newProxyInstance(ImapSession.class.getClassLoader(), new Class<?>[] {ImapSession.class},
            new LoggingContextSession(session));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("pushLineHandler") && arguments != null && arguments[0] instanceof ImapLineHandler handler) {
            session.pushLineHandler(withLoggingContext(handler));
            return null;
        }
        try {
            return method.invoke(session, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private ImapLineHandler withLoggingContext(ImapLineHandler handler) {
        return (requestSession, data) -> {
            Object bound = requestSession.getAttribute(ImapChannelUpstreamHandler.MDC_KEY);
            if (!(bound instanceof MDCBuilder mdc)) {
                handler.onLine(requestSession, data);
                return;
            }
            try (Closeable context = mdc.build()) {
                handler.onLine(requestSession, data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
