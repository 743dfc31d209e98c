package vn.govmail.mailserver.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.govmail.mailserver.tls.TlsMaterial;

/** Turns operator settings into the values the James configuration templates need. */
public final class JamesConfigurationVariables {
    /**
     * PBKDF2-HMAC-SHA512 work factor. James hashes on every IMAP/SMTP login, and the JDK's implementation costs
     * ~1.4 ms per 1,000 iterations here: 5,000 iterations (~7 ms) is about twice the work of the SHA512-CRYPT
     * default of the Postfix+Dovecot reference stack, keeps a 10,000-account import within a minute on 2 cores,
     * and leaves login storms cheap. Existing hashes keep the count they were made with.
     */
    static final int PASSWORD_ITERATIONS = 5_000;

    private JamesConfigurationVariables() {
    }

    public static Map<String, String> from(GovmailSettings settings, TlsMaterial tls) {
        Map<String, String> variables = new HashMap<>();
        variables.put("hostname", settings.string("hostname"));
        variables.put("bind", settings.string("bind"));
        variables.put("default-domain", settings.string("default-domain"));
        for (String port : List.of("smtp.port", "submission.port", "smtps.port", "imap.port", "imaps.port", "managesieve.port", "admin.port")) {
            variables.put(port, Integer.toString(settings.port(port)));
        }
        variables.put("max-message-size-kb", Long.toString(Math.max(1, settings.size("max-message-size") / 1024)));
        variables.put("imap.max-literal-size", Long.toString(settings.size("imap.max-literal-size")));
        variables.put("connection-limit", settings.string("connection-limit"));
        variables.put("connection-limit-per-ip", settings.string("connection-limit-per-ip"));
        variables.put("spooler.threads", settings.string("spooler.threads"));
        variables.put("quota.over-quota-reply", settings.string("quota.over-quota-reply"));
        variables.put("password.iterations", Integer.toString(PASSWORD_ITERATIONS));
        variables.put("tls.cert.url", "file://" + tls.certificateChain().toAbsolutePath());
        variables.put("tls.key.url", "file://" + tls.privateKey().toAbsolutePath());
        variables.put("relay.delays", settings.string("relay.delays"));
        // One attempt per listed delay (James would otherwise warn and raise its default of 5 itself).
        variables.put("relay.max-retries", Integer.toString(settings.string("relay.delays").split(",").length));
        variables.put("relay.gateway.xml", gatewayXml(settings));

        List<String> dnsServers = settings.optional("dns.servers")
            .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
            .orElse(List.of());
        StringBuilder servers = new StringBuilder();
        dnsServers.forEach(server -> servers.append("\n        <server>").append(xml(server)).append("</server>"));
        variables.put("dns.servers.xml", servers.toString());
        variables.put("dns.autodiscover", Boolean.toString(dnsServers.isEmpty()));
        return variables;
    }

    private static String gatewayXml(GovmailSettings settings) {
        Optional<String> relay = settings.optional("relay.host");
        if (relay.isEmpty()) {
            return "";
        }
        StringBuilder xml = new StringBuilder("\n                <gateway>").append(xml(relay.get())).append("</gateway>");
        settings.optional("relay.user").ifPresent(user -> {
            xml.append("\n                <gatewayUsername>").append(xml(user)).append("</gatewayUsername>");
            xml.append("\n                <gatewayPassword>").append(xml(settings.optional("relay.password").orElse(""))).append("</gatewayPassword>");
        });
        return xml.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
