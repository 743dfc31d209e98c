package vn.govmail.webmail.admin;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mailbox sizes as administrators type and read them: {@code 500M}, {@code 2G} (binary units, like the CLI). */
public final class StorageSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    private StorageSize() {
    }

    /** @throws IllegalArgumentException for anything but a whole number with an optional K, M or G */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(text);
        }
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> value;
        };
    }

    /** {@code 1.5 GB}, {@code 320 MB}, {@code 12 KB}, {@code 0 B}. */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " B";
    }
}
