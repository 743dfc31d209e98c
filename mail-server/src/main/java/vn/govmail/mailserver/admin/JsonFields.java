package vn.govmail.mailserver.admin;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one text field of a JSON request body; a missing, empty or malformed body gives no value. */
public final class JsonFields {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    public static Optional<String> string(String body, String field) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode value = MAPPER.readTree(body).get(field);
            return value == null || !value.isTextual() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
