package vn.govmail.spamfilter.bayes;

/**
 * Finds the words of a text, one after the other, exactly as the pattern
 * {@code [\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'$%.,-]*[\p{L}\p{M}\p{N}$%]|[\p{L}\p{N}]} would with
 * {@code Matcher.find()}: a word starts with a letter, mark or digit, may contain {@code ' $ % . , -} inside
 * ("don't", "3,5%", "gov.vn") and ends with a letter, mark, digit, {@code $} or {@code %}; a lone letter or
 * digit is a word too.
 *
 * <p>Written by hand because the tokenizer is the classifier's hottest code: the regex's union of Unicode
 * classes was the largest single cost of a scan (JFR). Works on code points, like the regex.
 */
final class WordScanner {
    private final String text;
    private int position;
    private int start;
    private int end;

    WordScanner(String text) {
        this.text = text;
    }

    /** Moves to the next word; false when there is none left. */
    boolean find() {
        int length = text.length();
        int i = position;
        while (i < length) {
            int first = text.codePointAt(i);
            int afterFirst = i + Character.charCount(first);
            if (isLetterMarkOrDigit(first)) {
                int lastEnd = -1;   // end of the longest word starting at i
                int j = afterFirst;
                while (j < length) {
                    int c = text.codePointAt(j);
                    boolean core = isLetterMarkOrDigit(c);
                    if (!core && !isInner(c)) {
                        break;
                    }
                    j += Character.charCount(c);
                    if (core || c == '$' || c == '%') {
                        lastEnd = j;
                    }
                }
                if (lastEnd < 0 && !isMark(first)) {
                    lastEnd = afterFirst;   // the one-character alternative: a letter or digit alone
                }
                if (lastEnd > 0) {
                    start = i;
                    end = lastEnd;
                    position = lastEnd;
                    return true;
                }
            }
            i = afterFirst;
        }
        position = length;
        return false;
    }

    String word() {
        return text.substring(start, end);
    }

    private static boolean isInner(int c) {
        return c == '\'' || c == '$' || c == '%' || c == '.' || c == ',' || c == '-';
    }

    private static boolean isLetterMarkOrDigit(int c) {
        if (c < 128) {   // the common case without a Unicode table lookup
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetter(c) || isMark(c) || isNumber(c);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
