package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LinkFinderTest {
    /** The link patterns of UrlExtractor and Tokenizer. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\b(?:https?://|www\\.)(\\[[0-9a-f:.]+\\]|[\\p{L}\\p{N}._-]+)"),
            Pattern.compile("(?i)\\b(?:https?://|www\\.)([a-z0-9.-]+)"),
            Pattern.compile("(?i)\\bhttps?://[a-z0-9.-]+(?::\\d+)?(/[^\\s\"'<>]{1,200})"));

    private static List<String> found(Pattern pattern, String text) {
        LinkFinder finder = new LinkFinder(pattern, text);
        List<String> matches = new ArrayList<>();
        while (finder.find()) {
            matches.add(finder.matcher().start() + ":" + finder.matcher().group() + "|" + finder.matcher().group(1));
        }
        return matches;
    }

    private static List<String> matched(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> matches = new ArrayList<>();
        while (matcher.find()) {
            matches.add(matcher.start() + ":" + matcher.group() + "|" + matcher.group(1));
        }
        return matches;
    }

    @Test
    void findsLinksButNotInsideWords() {
        assertThat(found(PATTERNS.get(0), "xem HTTPS://Bit.ly/abc và www.laichau-gov.vn.com, không phải awww.x.vn hay _http://y.vn"))
                .containsExactly("4:HTTPS://Bit.ly|Bit.ly", "26:www.laichau-gov.vn.com|laichau-gov.vn.com");
        assertThat(found(PATTERNS.get(2), "<a href=\"http://a.example:8080/login?id=1\">")).containsExactly(
                "9:http://a.example:8080/login?id=1|/login?id=1");
        assertThat(found(PATTERNS.get(1), "")).isEmpty();
    }

    @Test
    void findsWhatMatcherFindFindsOnRandomText() {
        String[] pieces = {"http://", "https://", "HTTP://", "www.", "WwW.", "h", "w", "a", "é", "\u0301", "_", " ", "/", "x.y",
                ":80", "[1::2]", ".", "-", "\"", "<", "đ", "9"};
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (Pattern pattern : PATTERNS) {
                assertThat(found(pattern, text.toString())).as("%s in \"%s\"", pattern, text).isEqualTo(matched(pattern, text.toString()));
            }
        }
    }
}
