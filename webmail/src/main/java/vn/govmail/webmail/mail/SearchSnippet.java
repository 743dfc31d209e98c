package vn.govmail.webmail.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a message's text around what a search matched, from the mail server's search API: plain text and
 * the [start, end) character ranges that matched (rendered as {@code <mark>} by the list, never as HTML).
 */
public record SearchSnippet(String text, List<int[]> highlights) {

    /** One piece of the snippet: text, and whether it is a match. */
    public record Part(String text, boolean match) {
    }

    /** The text cut into plain and matching parts, in order; ranges out of bounds or overlapping are ignored. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int[] range : highlights) {
            int start = range[0];
            int end = Math.min(range[1], text.length());
            if (start < at || start >= end) {
                continue;
            }
            if (start > at) {
                parts.add(new Part(text.substring(at, start), false));
            }
            parts.add(new Part(text.substring(start, end), true));
            at = end;
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }
}
