package vn.govmail.mailserver.dkim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.api.Headers;

/** A message's raw header lines as jDKIM wants them: field names in order, and full lines per name. */
final class MessageHeaderLines implements Headers {
    private final List<String> names = new ArrayList<>();
    private final Map<String, List<String>> linesByName = new HashMap<>();

    MessageHeaderLines(MimeMessage message) throws MessagingException {
        for (String line : Collections.list(message.getAllHeaderLines())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MessagingException("Bad header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            names.add(name);
            linesByName.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(line);
        }
    }

    @Override
    public List<String> getFields() {
        return names;
    }

    @Override
    public List<String> getFields(String name) {
        return linesByName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
