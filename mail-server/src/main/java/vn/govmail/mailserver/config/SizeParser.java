package vn.govmail.mailserver.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses operator-written sizes: {@code 1048576}, {@code 512K}, {@code 50M}, {@code 1G} (binary units). */
public final class SizeParser {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    private SizeParser() {
    }

    public static long parse(String key, String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new GovmailSettings.SettingsException("Setting '" + key + "' must be a size like 52428800, 512K, 50M or 1G, not '" + text + "'");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> number * 1024;
            case "M" -> number * 1024 * 1024;
            case "G" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }
}
