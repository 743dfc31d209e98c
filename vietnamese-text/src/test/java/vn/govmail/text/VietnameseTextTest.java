package vn.govmail.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    private static final String NFD_DEN = "đe\u0302\u0301n"; // "đến" with combining circumflex and acute

    @Test
    void foldRemovesTonesVowelMarksAndTheStrokeOfD() {
        assertThat(VietnameseText.fold("Văn bản ĐẾN")).isEqualTo("van ban den");
        assertThat(VietnameseText.fold("Ủy ban nhân dân tỉnh Lai Châu")).isEqualTo("uy ban nhan dan tinh lai chau");
        assertThat(VietnameseText.fold("ơ ư ă â ê ô ỹ ặ")).isEqualTo("o u a a e o y a");
    }

    @Test
    void foldTreatsNfdAndNfcAlike() {
        assertThat(VietnameseText.fold(NFD_DEN)).isEqualTo("den");
        assertThat(VietnameseText.compose(NFD_DEN)).isEqualTo("đến");
    }

    @Test
    void stripDiacriticsKeepsCase() {
        assertThat(VietnameseText.stripDiacritics("Đồng Tháp")).isEqualTo("Dong Thap");
    }

    @Test
    void hasDiacritics() {
        assertThat(VietnameseText.hasDiacritics("van ban")).isFalse();
        assertThat(VietnameseText.hasDiacritics("văn ban")).isTrue();
        assertThat(VietnameseText.hasDiacritics("Đa")).isTrue();
        assertThat(VietnameseText.hasDiacritics(NFD_DEN)).isTrue();
    }

    @Test
    void substringTests() {
        assertThat(VietnameseText.containsFolded("Công văn gửi UBND tỉnh Lai Châu", "lai chau")).isTrue();
        assertThat(VietnameseText.containsIgnoringCase("Công văn gửi UBND tỉnh Lai Châu", "LAI CHÂU")).isTrue();
        assertThat(VietnameseText.containsIgnoringCase("bạn", "bản")).isFalse();
        assertThat(VietnameseText.containsIgnoringCase("văn bản " + NFD_DEN, "bản đến")).isTrue();
    }
}
