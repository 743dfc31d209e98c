package vn.govmail.mailserver.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Highlighted snippets of search hits as plain text plus the character ranges to emphasise, so that a client
 * renders them without parsing HTML (and nothing in a message can inject markup). The Lucene highlighter picks the
 * best passages of the stored body (about {@value #PASSAGE_CHARS} characters each, cut at sentence boundaries);
 * whitespace runs become one space.
 */
final class SearchHitSnippets {
    static final int PASSAGES = 2;
    static final int PASSAGE_CHARS = 160;
    /** A hard bound whatever the sentence boundaries give. */
    static final int MAX_CHARS = 2 * PASSAGE_CHARS + 80;
    private static final String GAP = " … ";
    /** Private-use characters marking matches in the highlighter's string output; removed by {@link #parse}. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    /** Plain text and the [start, end) ranges (UTF-16 offsets into {@code text}) that matched the query. */
    record Snippet(String text, List<int[]> highlights) {
        static final Snippet EMPTY = new Snippet("", List.of());

        /** The snippet as HTML: text escaped, matches in {@code <b>}. */
        String html() {
            StringBuilder html = new StringBuilder();
            int at = 0;
            for (int[] range : highlights) {
                escape(text.substring(at, range[0]), html);
                html.append("<b>");
                escape(text.substring(range[0], range[1]), html);
                html.append("</b>");
                at = range[1];
            }
            escape(text.substring(at), html);
            return html.toString();
        }

        private static void escape(String text, StringBuilder into) {
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '<' -> into.append("&lt;");
                    case '>' -> into.append("&gt;");
                    case '&' -> into.append("&amp;");
                    case '"' -> into.append("&quot;");
                    case '\'' -> into.append("&#39;");
                    default -> into.append(c);
                }
            }
        }
    }

    private SearchHitSnippets() {
    }

    static BreakIterator breakIterator() {
        return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f);
    }

    /** Writes the passages with match markers, for {@link #parse}. */
    static PassageFormatter formatter() {
        return new PassageFormatter() {
            @Override
            public Object format(Passage[] passages, String content) {
                StringBuilder out = new StringBuilder();
                for (Passage passage : passages) {
                    if (!out.isEmpty()) {
                        out.append(GAP);
                    }
                    int at = passage.getStartOffset();
                    for (int i = 0; i < passage.getNumMatches(); i++) {
                        int start = Math.max(passage.getMatchStarts()[i], at);
                        int end = passage.getMatchEnds()[i];
                        if (end <= start) {
                            continue; // overlaps the previous match
                        }
                        out.append(clean(content, at, start)).append(OPEN).append(clean(content, start, end)).append(CLOSE);
                        at = end;
                    }
                    out.append(clean(content, at, passage.getEndOffset()));
                }
                return out.toString();
            }
        };
    }

    private static String clean(String content, int start, int end) {
        return content.substring(start, end).replace(OPEN, ' ').replace(CLOSE, ' ');
    }

    /** The highlighter's marked output as a snippet: whitespace collapsed, cut at {@link #MAX_CHARS}. */
    static Snippet parse(String marked) {
        if (marked == null || marked.isBlank()) {
            return Snippet.EMPTY;
        }
        StringBuilder text = new StringBuilder();
        List<int[]> highlights = new ArrayList<>();
        int openedAt = -1;
        for (int i = 0; i < marked.length() && text.length() < MAX_CHARS; i++) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                openedAt = text.length();
            } else if (c == CLOSE) {
                if (openedAt >= 0 && text.length() > openedAt) {
                    highlights.add(new int[] {openedAt, text.length()});
                }
                openedAt = -1;
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
            } else {
                text.append(c);
            }
        }
        if (openedAt >= 0 && text.length() > openedAt) {
            highlights.add(new int[] {openedAt, text.length()});
        }
        int length = text.length();
        while (length > 0 && text.charAt(length - 1) == ' ') {
            length--;
        }
        final int end = length;
        List<int[]> kept = highlights.stream().filter(range -> range[0] < end).map(range -> new int[] {range[0], Math.min(range[1], end)}).toList();
        return new Snippet(text.substring(0, end), kept);
    }
}
