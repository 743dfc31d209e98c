package vn.govmail.eoffice;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the corpus's flat JSON objects ("key": "text" or null); enough for the expected-metadata files. */
public final class FlatJson {
    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    private FlatJson() {
    }

    public static Map<String, String> parse(String json) {
        Map<String, String> values = new HashMap<>();
        Matcher matcher = ENTRY.matcher(json);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(3) == null ? null : matcher.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return values;
    }
}
