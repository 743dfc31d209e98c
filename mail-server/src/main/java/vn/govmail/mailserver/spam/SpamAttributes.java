package vn.govmail.mailserver.spam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.Verdict;

/**
 * How the SMTP hook hands its verdict to the mailet: mail attributes, which travel with the mail through
 * the durable queue and into the quarantine repository.
 */
final class SpamAttributes {
    static final AttributeName ACTION = AttributeName.of("govmail.spam.action");
    static final AttributeName HEADERS = AttributeName.of("govmail.spam.headers");
    static final AttributeName SCORE = AttributeName.of("govmail.spam.score");
    /** Set on a mail released from quarantine: deliver it as it is, never filter it again. */
    static final AttributeName RELEASED = AttributeName.of("govmail.spam.released");
    /** On a released copy: "quarantine key" + FIELD + "attempt", checked by the mailet (exactly once). */
    static final AttributeName RELEASE = AttributeName.of("govmail.spam.release");
    /** When the mail entered the quarantine (epoch milliseconds). */
    static final AttributeName QUARANTINED_AT = AttributeName.of("govmail.spam.quarantinedAt");

    private static final String FIELD = "\u0001";
    private static final Pattern TESTS = Pattern.compile("tests=(\\S+)");
    private static final String LINE = "\u0002";

    private SpamAttributes() {
    }

    static void attach(Mail mail, Verdict verdict) {
        StringBuilder headers = new StringBuilder();
        verdict.headers().forEach((name, value) -> headers.append(name).append(FIELD).append(value).append(LINE));
        mail.setAttribute(new Attribute(ACTION, AttributeValue.of(verdict.action().name())));
        mail.setAttribute(new Attribute(HEADERS, AttributeValue.of(headers.toString())));
        mail.setAttribute(new Attribute(SCORE, AttributeValue.of(Double.toString(verdict.score()))));
    }

    static Optional<Action> action(Mail mail) {
        return string(mail, ACTION).map(Action::valueOf);
    }

    static Map<String, String> headers(Mail mail) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : string(mail, HEADERS).orElse("").split(LINE)) {
            int field = line.indexOf(FIELD);
            if (field > 0) {
                headers.put(line.substring(0, field), line.substring(field + 1));
            }
        }
        return headers;
    }

    static Optional<String> score(Mail mail) {
        return string(mail, SCORE);
    }

    static boolean released(Mail mail) {
        return mail.getAttribute(RELEASED).isPresent();
    }

    static void markQuarantined(Mail mail, Instant at) {
        mail.setAttribute(new Attribute(QUARANTINED_AT, AttributeValue.of(Long.toString(at.toEpochMilli()))));
    }

    static Optional<Instant> quarantinedAt(Mail mail) {
        return string(mail, QUARANTINED_AT).map(Long::parseLong).map(Instant::ofEpochMilli);
    }

    static void markRelease(Mail mail, String key, String attempt) {
        mail.setAttribute(new Attribute(RELEASE, AttributeValue.of(key + FIELD + attempt)));
    }

    /** The quarantine key and the release attempt of a released copy. */
    static Optional<String[]> release(Mail mail) {
        return string(mail, RELEASE).map(value -> value.split(FIELD, 2)).filter(parts -> parts.length == 2);
    }

    /** The rules that fired, as in X-Spam-Status ("RULE=score"), strongest first as the filter wrote them. */
    static List<String> reasons(Mail mail) {
        String status = headers(mail).getOrDefault("X-Spam-Status", "");
        Matcher tests = TESTS.matcher(status);
        if (!tests.find() || tests.group(1).equals("none")) {
            return List.of();
        }
        return List.of(tests.group(1).split(","));
    }

    private static Optional<String> string(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::getValue)
            .filter(String.class::isInstance).map(String.class::cast);
    }
}
