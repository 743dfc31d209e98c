package vn.govmail.mailserver.smtp;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Refuses recipient addresses written in the old routing syntaxes that open relays were abused through:
 * source routes ({@code <@a,@b:user@c>}), the percent hack ({@code user%other.org@us}), bang paths
 * ({@code other!user@us}) and quoted local parts ({@code "user@other"@us}). James would take most of them
 * literally; we answer them outright so no later rewrite can ever turn them into a relay.
 */
public class RoutingSyntaxFilter implements CommandHandler<SMTPSession> {
    private static final Response REFUSED = new SMTPResponse("550",
        "5.7.1 Routing syntax (source route, %, ! or quoted local part) is not accepted here").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        return addressOf(request.getArgument())
            .filter(RoutingSyntaxFilter::usesRoutingSyntax)
            .map(address -> REFUSED)
            .orElse(null);
    }

    /** The text between {@code <} and {@code >} after {@code TO:}, or what follows {@code TO:} without brackets. */
    static Optional<String> addressOf(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String text = argument.trim();
        if (!text.toUpperCase(Locale.ROOT).startsWith("TO:")) {
            return Optional.empty();
        }
        text = text.substring(3).trim();
        if (text.startsWith("<")) {
            int end = text.lastIndexOf('>');
            return Optional.of(end > 0 ? text.substring(1, end) : text.substring(1));
        }
        int space = text.indexOf(' ');
        return Optional.of(space > 0 ? text.substring(0, space) : text);
    }

    static boolean usesRoutingSyntax(String address) {
        if (address.startsWith("@") || address.startsWith("\"")) {
            return true;
        }
        int at = address.lastIndexOf('@');
        String localPart = at >= 0 ? address.substring(0, at) : address;
        return localPart.indexOf('%') >= 0 || localPart.indexOf('!') >= 0 || localPart.indexOf('"') >= 0;
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("RCPT");
    }
}
