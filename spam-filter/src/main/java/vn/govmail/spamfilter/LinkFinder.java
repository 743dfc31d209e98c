package vn.govmail.spamfilter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for link patterns, tried only where a link can start. The link patterns begin with
 * {@code \b} and then "http" or "www." (case-insensitive); {@code find()} would try them at every character of
 * a message's text, which JFR showed among the hottest code of a scan. Here the pattern is tried (with
 * {@code lookingAt}, bounds transparent so that {@code \b} still sees the character before) only at an
 * {@code h} or {@code w}; the matches are the same, in the same order.
 */
public final class LinkFinder {
    private final Matcher matcher;
    private final String text;
    private final int length;
    private int from;

    /** @param pattern a pattern whose matches all start with h, H, w or W */
    public LinkFinder(Pattern pattern, String text) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.length = text.length();
        this.text = text;
    }

    /** Moves to the next match; then {@link #matcher()} has its groups. */
    public boolean find() {
        for (int i = from; i < length; i++) {
            int c = text.charAt(i) | 0x20;   // ASCII lower case
            if (c == 'h' || c == 'w') {
                matcher.region(i, length);
                if (matcher.lookingAt()) {
                    from = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
        }
        from = length;
        return false;
    }

    public Matcher matcher() {
        return matcher;
    }
}
