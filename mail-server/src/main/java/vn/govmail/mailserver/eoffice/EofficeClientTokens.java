package vn.govmail.mailserver.eoffice;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;

import spark.Request;
import vn.govmail.eoffice.clients.ClientSystem;
import vn.govmail.mailserver.admin.DelegatedTokens;

/**
 * The tokens of client systems (the province's eOffice/QLVB software): they may only exchange documents — list and
 * pull documents with their attachments, text and history, push workflow steps and progress, read the OpenAPI
 * description — and, when the client is scoped to a unit, only that unit's. Everything else (units, clients, the
 * register, every non-eOffice admin route) answers 403.
 */
public class EofficeClientTokens implements DelegatedTokens {
    private static final String DOCUMENTS = EofficeRoutes.BASE + "/documents";
    private static final Pattern ONE_DOCUMENT = Pattern.compile(Pattern.quote(DOCUMENTS) + "/(\\d+)(/[a-z]+(/\\d+)?)?");
    private static final List<String> READABLE = List.of("", "/history", "/text", "/attachments");
    private static final List<String> WRITABLE = List.of("/state", "/progress");

    private final EofficeServices services;

    @Inject
    public EofficeClientTokens(EofficeServices services) {
        this.services = services;
    }

    @Override
    public Optional<String> authorize(String token, Request request) {
        try {
            Optional<ClientSystem> client = services.clients().authenticate(token);
            if (client.isPresent()) {
                check(client.get(), request);
            }
            return client.map(c -> "client:" + c.name());
        } catch (SQLException e) {
            throw ErrorResponder.builder().statusCode(503).type(ErrorType.SERVER_ERROR)
                .message("The document register is unavailable, try again later").haltError();
        }
    }

    private void check(ClientSystem client, Request request) throws SQLException {
        String method = request.requestMethod();
        String path = request.pathInfo();
        if (method.equals("GET") && path.equals(EofficeRoutes.BASE + "/openapi.json")) {
            return;
        }
        if (method.equals("GET") && path.equals(DOCUMENTS)) {
            if (client.unitId() != null && !client.unitId().equals(request.queryParams("unit"))) {
                throw forbidden("Client '" + client.name() + "' may only list unit " + client.unitId() + ": add ?unit=" + client.unitId());
            }
            return;
        }
        Matcher document = ONE_DOCUMENT.matcher(path);
        if (document.matches()) {
            String action = document.group(2) == null ? "" : document.group(2).replaceFirst("/\\d+$", "");
            boolean allowed = method.equals("GET") ? READABLE.contains(action) && (document.group(3) == null || action.equals("/attachments"))
                : method.equals("POST") && WRITABLE.contains(action);
            if (allowed) {
                String unit = services.store().get(Long.parseLong(document.group(1))).map(d -> d.unitId()).orElse(null);
                if (unit == null || client.mayAccessUnit(unit)) {
                    return; // an unknown document is the route's 404
                }
                throw forbidden("Document #" + document.group(1) + " is not of unit " + client.unitId());
            }
        }
        throw forbidden("Client '" + client.name() + "' may only exchange documents (" + DOCUMENTS + "…), not " + method + " " + path);
    }

    private static RuntimeException forbidden(String message) {
        return ErrorResponder.builder().statusCode(403).type(ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }
}
