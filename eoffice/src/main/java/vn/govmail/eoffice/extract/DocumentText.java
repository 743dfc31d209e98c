package vn.govmail.eoffice.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a document as trimmed, non-empty lines, with helpers for the layout rules of Nghị định 30
 * Phụ lục I (upper-case headings, the national title).
 */
final class DocumentText {
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern NATIONAL_TITLE = Pattern.compile("^CỘNG HO?[ÒÀ]A?\\s+XÃ HỘI CHỦ NGHĨA VIỆT NAM.*");
    private static final Pattern RULE_LINE = Pattern.compile("^[-_=.*\\s]+$");

    final List<String> lines;

    DocumentText(String text) {
        List<String> kept = new ArrayList<>();
        for (String raw : text.replace('\u00A0', ' ').replace('\t', ' ').split("\\R")) {
            String line = raw.strip().replaceAll(" {2,}", " ");
            if (!line.isEmpty() && !RULE_LINE.matcher(line).matches()) {
                kept.add(line);
            }
        }
        lines = List.copyOf(kept);
    }

    /** Index of the national title line (Quốc hiệu), or -1. */
    int nationalTitle() {
        for (int i = 0; i < lines.size(); i++) {
            if (NATIONAL_TITLE.matcher(DocumentTypes.canonical(lines.get(i))).matches()) {
                return i;
            }
        }
        return -1;
    }

    static boolean upperCase(String line) {
        return line.chars().anyMatch(Character::isLetter) && line.equals(line.toUpperCase(VIETNAMESE));
    }
}
