package vn.govmail.mailserver.eoffice;

import static vn.govmail.mailserver.admin.AdminErrors.badRequest;
import static vn.govmail.mailserver.admin.AdminErrors.conflict;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;
import vn.govmail.eoffice.store.StateChangeRefused;

/** Reading eOffice requests (JSON bodies, numbers, dates), for both route sets; bad values answer {@link vn.govmail.mailserver.admin.AdminErrors}. */
final class EofficeRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EofficeRequests() {
    }

    interface Step<T> {
        T run() throws Exception;
    }

    /** A workflow rule said no (wrong state, missing reason): 409 with its Vietnamese message. */
    static <T> T refusalsAsConflict(Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (StateChangeRefused e) {
            throw conflict(e.getMessage());
        }
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw badRequest("'" + text + "' is not a number");
        }
    }

    static int integer(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw badRequest("'" + text + "' is not a number");
        }
    }

    static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be a date yyyy-MM-dd, not '" + text + "'");
        }
    }

    static JsonNode body(Request request) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!node.isObject()) {
                throw badRequest("The body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String required(JsonNode body, String field) {
        return optional(body, field).orElseThrow(() -> badRequest("Missing \"" + field + "\""));
    }

    static Optional<String> optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }




}
