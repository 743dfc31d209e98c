package vn.govmail.mailserver.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnitTreeTest {
    private final UnitTree tree = new UnitTree(List.of(
        new Unit(1, null, "Sở Nội vụ"),
        new Unit(2, 1L, "Phòng Tổ chức"),
        new Unit(3, 2L, "Tổ Đào tạo"),
        new Unit(4, null, "UBND xã Bình Lư")));

    @Test
    void searchKeysIgnoreCaseDiacriticsAndUnicodeForm() {
        assertThat(VietnameseText.searchKey("SỞ NỘI VỤ")).isEqualTo("so noi vu");
        assertThat(VietnameseText.searchKey(Normalizer.normalize("Sở Nội vụ", Normalizer.Form.NFD))).isEqualTo("so noi vu");
        assertThat(VietnameseText.searchKey("Đào  tạo")).isEqualTo("dao tao");
        assertThat(VietnameseText.normalise(Normalizer.normalize(" Phòng  Tổ chức ", Normalizer.Form.NFD))).isEqualTo("Phòng Tổ chức");
    }

    @Test
    void pathsAreFoundWithoutAccentsAndSubtreesIncludeEveryLevel() {
        assertThat(tree.findByPath("so noi vu/PHONG TO CHUC/to dao tao")).map(Unit::id).contains(3L);
        assertThat(tree.findByPath("Sở Nội vụ//Phòng Tổ chức/")).map(Unit::id).contains(2L);
        assertThat(tree.findByPath("Sở Nội vụ/Phòng Kế hoạch")).isEmpty();
        assertThat(tree.path(tree.get(3).orElseThrow())).isEqualTo("Sở Nội vụ/Phòng Tổ chức/Tổ Đào tạo");
        assertThat(tree.subtree(1)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(tree.all()).extracting(Unit::id).containsExactly(1L, 2L, 3L, 4L);
    }
}
