package vn.govmail.mailserver.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators write them: {@code 1048576}, {@code 512K}, {@code 50M}, {@code 1G} (binary units, optional B). */
public final class SizeText {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    private SizeText() {
    }

    /** The size in bytes; {@link IllegalArgumentException} for anything else (e.g. "1,5 GB"). */
    public static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size like 52428800, 512K, 50M or 1G (whole numbers only)");
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
