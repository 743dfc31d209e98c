package vn.govmail.mailserver.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes James's configuration files into {@code <data>/conf} from the versioned templates in
 * {@code config/mail-server/james}, filling {@code ${name}} placeholders from the operator's settings.
 * The files are regenerated at every start, so settings and environment variables always win; the templates
 * are where structural changes belong.
 */
public final class JamesConfigurationRenderer {
    static final List<String> TEMPLATES = List.of(
        "dnsservice.xml", "domainlist.xml", "healthcheck.properties", "imapserver.xml", "jmx.properties",
        "listeners.xml", "lmtpserver.xml", "mailetcontainer.xml", "mailrepositorystore.xml",
        "managesieveserver.xml", "pop3server.xml", "recipientrewritetable.xml", "smtpserver.xml",
        "usersrepository.xml", "webadmin.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9.\\-]+)}");

    private JamesConfigurationRenderer() {
    }

    public static void render(Map<String, String> variables, Path configurationDirectory) throws IOException {
        Files.createDirectories(configurationDirectory);
        for (String template : TEMPLATES) {
            String text = readTemplate(template);
            Files.writeString(configurationDirectory.resolve(template), fill(template, text, variables), StandardCharsets.UTF_8);
        }
    }

    static String fill(String template, String text, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Template " + template + " uses ${" + matcher.group(1) + "} which no setting provides");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String readTemplate(String name) throws IOException {
        try (InputStream input = JamesConfigurationRenderer.class.getResourceAsStream("/govmail-default-config/james/" + name)) {
            if (input == null) {
                throw new IOException("Configuration template " + name + " is missing from the jar; rebuild with ./govmail build");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
