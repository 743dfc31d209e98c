package vn.govmail.spamfilter.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class WordScannerTest {
    /** The pattern the scanner replaces: it must find exactly the same words. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}'$%.,-]*[\\p{L}\\p{M}\\p{N}$%]|[\\p{L}\\p{N}]");

    private static List<String> scanned(String text) {
        WordScanner scanner = new WordScanner(text);
        List<String> words = new ArrayList<>();
        while (scanner.find()) {
            words.add(scanner.word());
        }
        return words;
    }

    private static List<String> matched(String text) {
        Matcher matcher = WORD.matcher(text);
        List<String> words = new ArrayList<>();
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    @Test
    void findsVietnameseSyllablesNumbersAndInnerPunctuation() {
        assertThat(scanned("Tài khoản định danh của bạn đã bị khóa! Phí 3,5% ($100) tại gov.vn - don't.x"))
                .containsExactly("Tài", "khoản", "định", "danh", "của", "bạn", "đã", "bị", "khóa", "Phí", "3,5%", "100", "tại", "gov.vn", "don't.x");
        assertThat(scanned("a-- -b ...c. 5$ x")).containsExactly("a", "b", "c", "5$", "x");
        assertThat(scanned("")).isEmpty();
        assertThat(scanned("!!! ... ---")).isEmpty();
    }

    @Test
    void combiningMarksAloneAreNoWordButBelongToTheWordTheyFollowOrStart() {
        // U+0301 combining acute: decomposed Vietnamese ("khóa" as o + ◌́)
        assertThat(scanned("kho\u0301a \u0301 \u0301a")).containsExactly("kho\u0301a", "\u0301a");
    }

    @Test
    void agreesWithTheRegexOnRandomMixturesOfTrickyCharacters() {
        String alphabet = "aZ09 \t\n'$%.,-!?<>ăđƠ\u0301\u0323½Ⅻ٣" + "\uD835\uDC00" + "\uD83D\uDE00" + "中";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            assertThat(scanned(text.toString())).as("words of \"%s\"", text).isEqualTo(matched(text.toString()));
        }
    }
}
