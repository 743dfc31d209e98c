package vn.govmail.mailserver.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The operator-facing settings of the mail server, read in three layers where each later layer wins:
 * the defaults shipped in the jar ({@code config/mail-server/govmail.properties}), an optional file named by
 * {@code GOVMAIL_CONFIG}, and environment variables. Every key {@code a.b-c} has the environment variable
 * {@code GOVMAIL_A_B_C}, so containers and tests configure the server without editing files.
 */
public final class GovmailSettings {
    public static final String DEFAULTS_RESOURCE = "/govmail-default-config/govmail.properties";
    private static final int DEVELOPMENT_PORT_OFFSET = 10000;

    private final Properties values;

    private GovmailSettings(Properties values) {
        this.values = values;
    }

    public static GovmailSettings load(Map<String, String> environment) {
        Properties properties = new Properties();
        try (InputStream defaults = GovmailSettings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (defaults == null) {
                throw new SettingsException("The default settings " + DEFAULTS_RESOURCE + " are missing from the jar; rebuild with ./govmail build");
            }
            properties.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException("Cannot read the default settings: " + e.getMessage());
        }
        String configFile = environment.get("GOVMAIL_CONFIG");
        if (configFile != null && !configFile.isBlank()) {
            Path path = Path.of(configFile);
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new SettingsException("GOVMAIL_CONFIG points to " + path.toAbsolutePath()
                    + " but it cannot be read (" + e.getMessage() + "); fix the path or unset GOVMAIL_CONFIG");
            }
        }
        for (String key : properties.stringPropertyNames()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                properties.setProperty(key, fromEnvironment);
            }
        }
        // Keys without a default may still come from the environment (e.g. db.url, tls.cert).
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            if (entry.getKey().startsWith("GOVMAIL_") && !entry.getKey().equals("GOVMAIL_CONFIG")) {
                String key = keyName(entry.getKey());
                if (!properties.containsKey(key)) {
                    properties.setProperty(key, entry.getValue());
                }
            }
        }
        return new GovmailSettings(properties);
    }

    /** {@code smtp.port} → {@code GOVMAIL_SMTP_PORT}; {@code max-message-size} → {@code GOVMAIL_MAX_MESSAGE_SIZE}. */
    public static String environmentName(String key) {
        return "GOVMAIL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String keyName(String environmentName) {
        return environmentName.substring("GOVMAIL_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Every key starting with the prefix (e.g. {@code spam.}), for components configured by a whole group of keys. */
    public Properties withPrefix(String prefix) {
        Properties group = new Properties();
        values.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
            .forEach(key -> group.setProperty(key, values.getProperty(key)));
        return group;
    }

    public Optional<String> optional(String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    public String string(String key) {
        return optional(key).orElseThrow(() -> new SettingsException(
            "Setting '" + key + "' is required: set it in the configuration file or as " + environmentName(key)));
    }

    public boolean flag(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new SettingsException("Setting '" + key + "' (" + environmentName(key)
                + ") must be true or false, not '" + value + "'");
        };
    }

    public int port(String key) {
        String value = string(key);
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting '" + key + "' (" + environmentName(key) + ") must be a port number, not '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new SettingsException("Setting '" + key + "' (" + environmentName(key) + ") must be between 1 and 65535, not " + port);
        }
        if (developmentPorts() && port < 1024 && !key.equals("admin.port")) {
            return port + DEVELOPMENT_PORT_OFFSET;
        }
        return port;
    }

    /** When set, privileged mail ports are moved up by 10000 (25 → 10025, 993 → 10993) for unprivileged runs. */
    public boolean developmentPorts() {
        return optional("dev-ports").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /** Sizes such as {@code 50M}, {@code 1G}, {@code 512K} or plain bytes. */
    public long size(String key) {
        return SizeParser.parse(key, string(key));
    }

    /** A whole number of at least 1 (a count such as a message quota). */
    public long count(String key) {
        String text = string(key).trim();
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException("Setting '" + key + "' (" + environmentName(key) + ") must be a whole number of at least 1, not '" + text + "'");
    }

    public Path dataDirectory() {
        return Path.of(string("data")).toAbsolutePath().normalize();
    }

    public static final class SettingsException extends RuntimeException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
