package vn.govmail.mailserver.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Folded text cut into runs for exact substring search from the index alone: maximal runs of letters and digits
 * ("words") alternate with maximal runs of anything else ("separators"). Every run is a token, except a separator
 * that is exactly one space: it only makes its neighbours adjacent. So a substring of the text that spans several
 * runs is a sequence of adjacent tokens — the first ending with the needle's first run, the middle ones equal, the
 * last starting with its last run — and a single space in the needle means "adjacent", any other separator is a
 * token of its own: "van ban den" does not match "van, ban den" ("van" ", " "ban" "den"). That is what lets
 * phrases and header substrings be answered without reading any message's text.
 *
 * <p>Runs longer than {@link #MAX_RUN} characters are cut into pieces, and the document is marked: a needle may
 * straddle a cut, so such documents are still checked against their stored text.
 */
final class TextRuns {
    /**
     * Longest indexed run, in characters: a run is a term, and Lucene's terms are at most 32,766 bytes (a letter of
     * the basic plane is at most 3 bytes of UTF-8). Only a text with 8,000 letters or digits in a row is cut.
     */
    static final int MAX_RUN = 8_000;
    static final String SINGLE_SPACE = " ";

    private TextRuns() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** The runs of {@code folded}, in order, single-space separators included. */
    static List<String> runs(String folded) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= folded.length(); i++) {
            if (i == folded.length() || isWordChar(folded.charAt(i)) != isWordChar(folded.charAt(start))) {
                runs.add(folded.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    /** Tokens of one or more texts (values), each term prefixed with {@code prefix}; values never touch each other. */
    static final class Tokens {
        private final List<String> terms = new ArrayList<>();
        private final List<Integer> increments = new ArrayList<>();
        private boolean cut;
        private int pendingGap;

        void add(String prefix, String folded) {
            for (String run : runs(folded)) {
                if (run.equals(SINGLE_SPACE)) {
                    continue;
                }
                for (int from = 0; from < run.length(); from += MAX_RUN) {
                    cut |= from > 0;
                    terms.add(prefix + run.substring(from, Math.min(run.length(), from + MAX_RUN)));
                    increments.add(1 + pendingGap);
                    pendingGap = 0;
                }
            }
            pendingGap = 1; // the next value's first token is not adjacent to this value's last one
        }

        /** Whether some run was cut at {@link #MAX_RUN}. */
        boolean cut() {
            return cut;
        }

        TokenStream stream() {
            return new ListTokenStream(terms, increments);
        }
    }

    private static final class ListTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> terms;
        private final List<Integer> increments;
        private int next;

        ListTokenStream(List<String> terms, List<Integer> increments) {
            this.terms = terms;
            this.increments = increments;
        }

        @Override
        public boolean incrementToken() {
            if (next == terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next));
            increment.setPositionIncrement(increments.get(next));
            next++;
            return true;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }
    }
}
