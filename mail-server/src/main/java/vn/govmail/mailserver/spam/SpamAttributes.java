package vn.govmail.mailserver.spam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    private static final String FIELD = "\u0001";
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

    private static Optional<String> string(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::getValue)
            .filter(String.class::isInstance).map(String.class::cast);
    }
}
