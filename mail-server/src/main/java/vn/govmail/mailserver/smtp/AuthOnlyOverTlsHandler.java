package vn.govmail.mailserver.smtp;

import java.util.Collection;
import java.util.List;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Refuses AUTH on a connection that is not encrypted yet. James 3.8.1 only hides AUTH from the EHLO
 * answer before STARTTLS ({@code requireSSL}); a client that sends it anyway would have its password read
 * in clear. RFC 4954 §4 gives 538 5.7.11 for this case.
 */
public class AuthOnlyOverTlsHandler implements CommandHandler<SMTPSession> {
    private static final Response ENCRYPTION_REQUIRED = new SMTPResponse("538",
        "5.7.11 Encryption required for requested authentication mechanism: issue STARTTLS first").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (!session.isTLSStarted()) {
            return ENCRYPTION_REQUIRED;
        }
        return null; // let James's AUTH handler run
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("AUTH");
    }
}
