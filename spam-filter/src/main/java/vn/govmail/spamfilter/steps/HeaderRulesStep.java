package vn.govmail.spamfilter.steps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.govmail.spamfilter.ParsedMessage;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;

/**
 * Header anomalies: missing or duplicated mandatory headers, dates in the future (of our clock, or of the time
 * the message was received), shouting subjects, forged local From.
 */
public final class HeaderRulesStep implements ScanStep {
    private static final Pattern DATE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * A Date this far after the message's arrival is a sender's clock set ahead (ratware does it to sort on top):
     * on the SpamAssassin corpus 13 % of spam and 0.1 % of ham (2 of 1,833 with readable dates) at 3 h. The slack
     * is beyond the widest time-zone offset (14 h) so that a server stamping local time with a wrong zone (often
     * Vietnamese time labelled +0000: 7 h "ahead") is not taken for ratware.
     */
    private static final Duration RECEIVED_SLACK = Duration.ofHours(15);
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private final SpamFilterSettings settings;

    public HeaderRulesStep(SpamFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean inMemoryOnly() {
        return true;
    }

    @Override
    public String name() {
        return "headers";
    }

    @Override
    public void apply(ScanContext context) {
        ParsedMessage message = context.message();
        List<String> from = message.headers("From");
        if (from.isEmpty()) {
            hit(context, "MISSING_FROM", "no From header");
        } else if (from.size() > 1) {
            hit(context, "MULTIPLE_FROM", from.size() + " From headers");
        }
        if (message.header("Message-ID") == null) {
            hit(context, "MISSING_MESSAGE_ID", "no Message-ID header");
        }
        String date = message.header("Date");
        if (date == null) {
            hit(context, "MISSING_DATE", "no Date header");
        } else {
            Instant sent = parseDate(date);
            Instant received = newestReceived(message);
            if (sent != null && sent.isAfter(Instant.now().plus(Duration.ofHours(48)))) {
                hit(context, "DATE_IN_FUTURE", "Date " + date);
            } else if (sent != null && received != null && sent.isAfter(received.plus(RECEIVED_SLACK))) {
                hit(context, "DATE_AFTER_RECEIVED", "Date " + date + " is " + Duration.between(received, sent).toHours()
                        + " h after it was received");
            }
        }
        String letters = NOT_LETTER.matcher(message.subject()).replaceAll("");
        if (letters.length() >= 10 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            hit(context, "SUBJECT_ALL_CAPS", "subject in capitals");
        }
        if (!context.envelope().authenticated() && context.isLocalDomain(message.fromDomain())) {
            hit(context, "FORGED_LOCAL_FROM", "unauthenticated mail claims From " + message.fromDomain());
        }
    }

    /** An RFC 5322 date (comment and extra spaces allowed), or null when it cannot be read. */
    static Instant parseDate(String date) {
        try {
            String cleaned = SPACES.matcher(DATE_COMMENT.matcher(date).replaceAll("").trim()).replaceAll(" ");
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    /**
     * When the newest trace header says the message arrived (the date after its last ';'): the receiving side's
     * clock, which a spammer does not set. Null without a readable one.
     */
    static Instant newestReceived(ParsedMessage message) {
        List<String> received = message.headers("Received");
        if (received.isEmpty()) {
            return null;
        }
        String newest = received.get(0);
        int semicolon = newest.lastIndexOf(';');
        return semicolon < 0 ? null : parseDate(newest.substring(semicolon + 1));
    }

    private void hit(ScanContext context, String rule, String detail) {
        context.hit(RuleHit.of(rule, settings.score(rule), detail));
    }
}
