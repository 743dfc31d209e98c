package vn.govmail.webmail.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Path segments, query values and JSON field reading shared by the admin console's services. */
final class ApiPaths {
    private ApiPaths() {
    }

    /** One URL path segment or query value, percent-encoded (addresses, unit paths with Vietnamese letters). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A text field, "" when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    static long number(JsonNode node, String field) {
        return node.path(field).asLong(0);
    }
}
