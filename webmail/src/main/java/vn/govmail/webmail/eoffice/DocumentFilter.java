package vn.govmail.webmail.eoffice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The list view's filters; empty ones do not filter. {@code text} is full text (diacritics optional). */
public record DocumentFilter(String state, String priority, LocalDate from, LocalDate to, String issuer, String type, String text) {
    public static DocumentFilter none() {
        return new DocumentFilter(null, null, null, null, null, null, null);
    }

    /** The query string of {@code GET /govmail/me/eoffice/documents}, e.g. {@code ?state=da-trinh&q=bien%20che}. */
    public String queryString() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("state", state);
        parameters.put("priority", priority);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("issuer", issuer);
        parameters.put("type", type);
        parameters.put("q", text);
        String query = parameters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString().strip(), StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }
}
