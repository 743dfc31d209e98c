package vn.govmail.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Small, allocation-light helpers for Vietnamese strings, consistent with {@link VietnameseAnalyzer}.
 *
 * <p>Vietnamese text reaches us in both Unicode forms: most software sends precomposed characters (NFC), but macOS
 * file names, some webmail clients and every windows-1258 decoder produce base letters followed by combining tone
 * marks (NFD). Comparing such strings byte for byte fails, so everything here composes first.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** The NFC (composed) form: "e\u0302\u0301" becomes "ế". */
    public static String compose(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Removes every diacritic, including the stroke of đ/Đ (which Unicode does not treat as a combining mark),
     * keeping the case: "Đồng Tháp" becomes "Dong Thap".
     */
    public static String stripDiacritics(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                default -> c;
            });
        }
        return out.toString();
    }

    /** The search key of a string: no diacritics, lower case. "Văn bản ĐẾN" becomes "van ban den". */
    public static String fold(String text) {
        return stripDiacritics(text).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} has any character that {@link #fold(String)} would change besides case. */
    public static boolean hasDiacritics(String text) {
        String composed = compose(text);
        return !stripDiacritics(composed).equals(composed);
    }

    /** Case- and diacritic-insensitive substring test: "Lai Châu" contains "lai chau". */
    public static boolean containsFolded(String text, String fragment) {
        return fold(text).contains(fold(fragment));
    }

    /** Case-insensitive substring test that still tells "bản" from "bạn" (both sides composed first). */
    public static boolean containsIgnoringCase(String text, String fragment) {
        return compose(text).toLowerCase(Locale.ROOT).contains(compose(fragment).toLowerCase(Locale.ROOT));
    }
}
