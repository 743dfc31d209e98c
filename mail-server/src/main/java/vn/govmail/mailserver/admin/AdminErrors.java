package vn.govmail.mailserver.admin;

import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.ErrorResponder;

/**
 * The one way govmail's WebAdmin routes refuse a request: throw what these return, and Spark answers the status with
 * James's JSON error body ({@code {"statusCode": ..., "type": ..., "message": ...}}). The message names the field and
 * the value; the CLI prints it. (Every request, refused or not, is audited by {@link AdminAuditRoutes}'s filter.)
 */
public final class AdminErrors {
    private AdminErrors() {
    }

    public static RuntimeException badRequest(String message) {
        return status(400, message);
    }

    public static RuntimeException notFound(String message) {
        return status(404, message);
    }

    public static RuntimeException conflict(String message) {
        return status(409, message);
    }

    /** 403: the credentials are valid but not for this route or resource. */
    public static RuntimeException forbidden(String message) {
        return ErrorResponder.builder().statusCode(403).type(ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }

    public static RuntimeException status(int status, String message) {
        ErrorType type = switch (status) {
            case 400, 409 -> ErrorType.INVALID_ARGUMENT;
            case 404 -> ErrorType.NOT_FOUND;
            default -> status >= 500 ? ErrorType.SERVER_ERROR : ErrorType.WRONG_STATE;
        };
        return ErrorResponder.builder().statusCode(status).type(type).message(message).haltError();
    }
}
