package vn.govmail.mailserver.organisation;

import java.util.Optional;

import org.apache.james.core.MailAddress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import vn.govmail.mailserver.admin.AdminErrors;

/** Reading admin requests (JSON bodies, addresses, unit references) and turning refusals into JSON error answers. */
public final class AdminRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminRequests() {
    }

    public static RuntimeException error(OrganisationException e) {
        return AdminErrors.status(e.status(), e.getMessage());
    }

    public static RuntimeException badRequest(String message) {
        return error(OrganisationException.invalid(message));
    }

    /** The request body as a JSON object; an empty body is an empty object, anything else that is not an object is refused. */
    public static JsonNode body(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value instanceof MissingNode || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw badRequest(field + ": expected text, got " + value);
        }
        return Optional.of(value.asText());
    }

    /** Text as stored: stripped, Unicode NFC (whatever form the keyboard produced). */
    public static String nfc(String text) {
        return java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
    }

    /** A mail address in a path or field, lower-cased, or a 400 naming the field and the value. */
    public static MailAddress address(String field, String text) {
        try {
            return new MailAddress(text.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (Exception e) {
            throw badRequest(field + ": '" + text + "' is not a valid mail address");
        }
    }

    /** A unit given by id ("42") or by path ("Sở Nội vụ/Phòng Tổ chức"). */
    public static Unit unit(UnitTree tree, String field, String reference) {
        Optional<Unit> unit = reference.strip().matches("\\d{1,18}") ? tree.get(Long.parseLong(reference.strip())) : tree.findByPath(reference);
        return unit.orElseThrow(() -> badRequest(field + ": unknown unit '" + reference + "'"));
    }

    public interface Change<T> {
        T run() throws Exception;
    }

    /** Runs a store change, turning its refusal into the matching 4xx answer. */
    public static <T> T call(Change<T> change) throws Exception {
        try {
            return change.run();
        } catch (OrganisationException e) {
            throw error(e);
        }
    }
}
