package vn.govmail.mailserver.config;

/** Parses size settings ({@link SizeText}), naming the setting when the value is not a size. */
public final class SizeParser {
    private SizeParser() {
    }

    public static long parse(String key, String text) {
        try {
            return SizeText.bytes(text);
        } catch (IllegalArgumentException e) {
            throw new GovmailSettings.SettingsException("Setting '" + key + "' must be a size like 52428800, 512K, 50M or 1G, not '" + text + "'");
        }
    }
}
