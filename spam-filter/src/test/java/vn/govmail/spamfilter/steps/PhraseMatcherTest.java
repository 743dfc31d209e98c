package vn.govmail.spamfilter.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The literal prefilter must never lose a match the plain regular expression finds. */
class PhraseMatcherTest {
    private static final List<String> PHRASES = List.of("so cccd|nhap cccd", "giai ?ngan",
            "cap ?nhat (thong tin|dinh danh)", "thu nhap (cao|khung)", "lai suat 0");

    @Test
    void needleIsTheLongestRequiredLiteral() {
        assertThat(PhraseMatcher.needle("giai ?ngan")).isEqualTo("giai");   // the optional space ends the run
        assertThat(PhraseMatcher.needle("cap ?nhat (thong tin|dinh danh)")).isEqualTo("nhat ");
        assertThat(PhraseMatcher.needle("thu nhap (cao|khung)")).isEqualTo("thu nhap ");
        assertThat(PhraseMatcher.topLevelAlternatives("so cccd|nhap cccd|x (a|b)")).containsExactly("so cccd", "nhap cccd", "x (a|b)");
        assertThatThrownBy(() -> PhraseMatcher.needle("(a|b)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsWholeWordPhrasesWithOptionalLettersAndGroups() {
        PhraseMatcher matcher = new PhraseMatcher(PHRASES);
        assertThat(matcher.countDistinct("vui long capnhat dinh danh va giaingan ngay", 4)).isEqualTo(2);
        assertThat(matcher.countDistinct("cap nhat thong tin, nhap cccd, thu nhap khung, lai suat 0%", 4)).isEqualTo(4);
        assertThat(matcher.countDistinct("cap nhat thong tin, nhap cccd, thu nhap khung, lai suat 0%", 2)).isEqualTo(2);
        assertThat(matcher.countDistinct("nhap cccd va so cccd", 4)).as("two alternatives, one phrase").isEqualTo(1);
    }

    @Test
    void partsOfWordsDoNotMatch() {
        PhraseMatcher matcher = new PhraseMatcher(PHRASES);
        assertThat(matcher.anyIn("xgiai ngan, lai suat 05, thu nhap caochi, cap nhat thong tinh")).isFalse();
        assertThat(matcher.anyIn("")).isFalse();
    }
}
