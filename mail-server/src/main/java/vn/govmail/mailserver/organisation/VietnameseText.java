package vn.govmail.mailserver.organisation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese names as stored (NFC, single spaces) and as compared: "Sở Nội vụ", "SO NOI VU" and "so noi vu"
 * have the same search key (diacritics removed, đ → d, lower case), so an admin can type without accents.
 */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /** The form to store and show: NFC (what Vietnamese keyboards and Word produce differs: NFD or NFC). */
    public static String normalise(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** The form to compare and search with. */
    public static String searchKey(String text) {
        String decomposed = Normalizer.normalize(normalise(text), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
