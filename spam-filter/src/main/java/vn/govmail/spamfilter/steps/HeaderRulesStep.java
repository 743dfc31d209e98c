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

/** Header anomalies: missing or duplicated mandatory headers, dates in the future, shouting subjects, forged local From. */
public final class HeaderRulesStep implements ScanStep {
    private static final Pattern DATE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
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
        } else if (inFuture(date)) {
            hit(context, "DATE_IN_FUTURE", "Date " + date);
        }
        String letters = NOT_LETTER.matcher(message.subject()).replaceAll("");
        if (letters.length() >= 10 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            hit(context, "SUBJECT_ALL_CAPS", "subject in capitals");
        }
        if (!context.envelope().authenticated() && context.isLocalDomain(message.fromDomain())) {
            hit(context, "FORGED_LOCAL_FROM", "unauthenticated mail claims From " + message.fromDomain());
        }
    }

    private static boolean inFuture(String date) {
        try {
            String cleaned = DATE_COMMENT.matcher(date).replaceAll("").trim();
            Instant instant = ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return instant.isAfter(Instant.now().plus(Duration.ofHours(48)));
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private void hit(ScanContext context, String rule, String detail) {
        context.hit(RuleHit.of(rule, settings.score(rule), detail));
    }
}
