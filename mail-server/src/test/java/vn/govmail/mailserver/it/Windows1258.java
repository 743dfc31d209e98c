package vn.govmail.mailserver.it;

import java.text.Normalizer;

/**
 * Vietnamese text in the form windows-1258 can encode: letters with their vowel marks precomposed
 * (ă â ê ô ơ ư đ) and the five tone marks as separate combining characters, as Vietnamese Windows writes it.
 */
final class Windows1258 {
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private Windows1258() {
    }

    static String toneMarksSeparated(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder result = new StringBuilder();
        StringBuilder letter = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            boolean combining = Character.getType(c) == Character.NON_SPACING_MARK;
            if (!combining) {
                flush(result, letter, tones);
            }
            if (combining && TONE_MARKS.indexOf(c) >= 0) {
                tones.append(c);
            } else {
                letter.append(c);
            }
        }
        flush(result, letter, tones);
        return result.toString();
    }

    private static void flush(StringBuilder result, StringBuilder letter, StringBuilder tones) {
        result.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
        letter.setLength(0);
        tones.setLength(0);
    }
}
