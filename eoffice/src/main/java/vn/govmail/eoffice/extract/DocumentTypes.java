package vn.govmail.eoffice.extract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The document types of Nghị định 30 (Điều 7, Phụ lục III) and their notation abbreviations. */
public final class DocumentTypes {
    public static final String CONG_VAN = "Công văn";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

    static {
        String[][] table = {
            {"Nghị quyết", "NQ"}, {"Quyết định", "QĐ"}, {"Chỉ thị", "CT"}, {"Quy chế", "QC"}, {"Quy định", "QyĐ"},
            {"Thông cáo", "TC"}, {"Thông báo", "TB"}, {"Hướng dẫn", "HD"}, {"Chương trình", "CTr"}, {"Kế hoạch", "KH"},
            {"Phương án", "PA"}, {"Đề án", "ĐA"}, {"Dự án", "DA"}, {"Báo cáo", "BC"}, {"Biên bản", "BB"},
            {"Tờ trình", "TTr"}, {"Hợp đồng", "HĐ"}, {"Công điện", "CĐ"}, {"Bản ghi nhớ", "BGN"},
            {"Bản thỏa thuận", "BTT"}, {"Giấy ủy quyền", "GUQ"}, {"Giấy mời", "GM"}, {"Giấy giới thiệu", "GGT"},
            {"Giấy nghỉ phép", "GNP"}, {"Phiếu gửi", "PG"}, {"Phiếu chuyển", "PC"}, {"Phiếu báo", "PB"},
            {"Bản sao y", "SY"}, {"Bản trích sao", "TrS"}, {"Bản sao lục", "SL"},
        };
        for (String[] row : table) {
            ABBREVIATIONS.put(row[0], row[1]);
        }
    }

    private DocumentTypes() {
    }

    /** The type named by a heading line such as "QUYẾT ĐỊNH" (spelling variants hòa/hoà, ủy/uỷ accepted). */
    public static Optional<String> byHeading(String line) {
        String key = canonical(line);
        if (key.equals(canonical(CONG_VAN))) {
            return Optional.of(CONG_VAN);
        }
        return ABBREVIATIONS.keySet().stream().filter(name -> canonical(name).equals(key)).findFirst();
    }

    /** The type whose abbreviation is one of the notation's groups ("QĐ" in "QĐ-UBND"). */
    public static Optional<String> byNotation(String notation) {
        if (notation == null) {
            return Optional.empty();
        }
        for (String group : notation.split("[-/]")) {
            for (Map.Entry<String, String> entry : ABBREVIATIONS.entrySet()) {
                if (entry.getValue().equals(group)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** Upper case with the old and new tone placement unified (HOÀ = HÒA, UỶ = ỦY) and spaces collapsed. */
    static String canonical(String text) {
        return text.strip().replaceAll("\\s+", " ").toUpperCase(VIETNAMESE)
            .replace("OÀ", "ÒA").replace("OÁ", "ÓA").replace("OẢ", "ỎA").replace("OÃ", "ÕA").replace("OẠ", "ỌA")
            .replace("UỶ", "ỦY").replace("UÝ", "ÚY").replace("UỲ", "ÙY").replace("UỸ", "ŨY").replace("UỴ", "ỤY");
    }
}
