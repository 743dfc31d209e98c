package vn.govmail.mailserver.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The little JSON reading and writing the CLI needs, with Jackson (already on James's class path). */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static Optional<String> field(String json, String name) {
        return field(json, name, false);
    }

    /** A field's text, or with {@code asJson} its JSON (for nested arrays and objects). */
    static Optional<String> field(String json, String name, boolean asJson) {
        try {
            JsonNode node = MAPPER.readTree(json).get(name);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            return Optional.of(asJson ? node.toString() : node.asText());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** For arrays of strings, or of objects whose {@code key} field is wanted. */
    static List<String> list(String json, String key) {
        List<String> values = new ArrayList<>();
        try {
            for (JsonNode element : MAPPER.readTree(json)) {
                values.add(element.isTextual() ? element.asText() : element.path(key).asText());
            }
        } catch (Exception e) {
            throw new CliException(1, "unexpected answer from the admin API: " + json);
        }
        return values;
    }

    /** For arrays of flat objects. */
    static List<java.util.Map<String, Object>> objects(String json) {
        try {
            return MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<java.util.Map<String, Object>>>() { });
        } catch (Exception e) {
            throw new CliException(1, "unexpected answer from the admin API: " + json);
        }
    }

    static String object(String key, String value) {
        return MAPPER.createObjectNode().put(key, value).toString();
    }
}
