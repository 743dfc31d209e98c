package vn.govmail.spamfilter.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of a list of phrases (small regular expressions over folded, lower-case words) occur in a text,
 * each as a whole-word match.
 *
 * <p>Why not one big alternation: java.util.regex tries every alternative at every position of the text,
 * which made the scam-phrase step the most expensive CPU step of the pipeline. Here every phrase first
 * needs a literal that any match must contain (its longest run of plain characters outside groups and
 * optional letters); {@link String#indexOf} finds or rules it out fast, and only the phrases whose literal
 * is present run their regular expression. Most mail contains none, so most mail runs no regex at all.
 */
final class PhraseMatcher {
    private record Alternative(int phrase, String needle, Pattern pattern) {
    }

    private final List<Alternative> alternatives = new ArrayList<>();
    private final int phrases;

    /** @param phrases regular expressions; top-level {@code |} gives alternatives of the same phrase */
    PhraseMatcher(List<String> phrases) {
        this.phrases = phrases.size();
        for (int i = 0; i < phrases.size(); i++) {
            for (String alternative : topLevelAlternatives(phrases.get(i))) {
                alternatives.add(new Alternative(i, needle(alternative), Pattern.compile("\\b(?:" + alternative + ")\\b")));
            }
        }
    }

    /** How many distinct phrases occur, counting at most {@code limit}. */
    int countDistinct(String text, int limit) {
        java.util.BitSet found = new java.util.BitSet(phrases);
        for (Alternative alternative : alternatives) {
            if (found.cardinality() >= limit) {
                break;
            }
            if (!found.get(alternative.phrase()) && text.contains(alternative.needle())
                    && alternative.pattern().matcher(text).find()) {
                found.set(alternative.phrase());
            }
        }
        return found.cardinality();
    }

    boolean anyIn(String text) {
        return countDistinct(text, 1) > 0;
    }

    static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(regex.substring(start));
        return parts;
    }

    /**
     * The longest literal every match contains: runs of letters, digits and spaces outside parentheses; a
     * character followed by {@code ?} is optional and ends the run. Phrases are plain words with at most
     * groups and optional characters (no escapes, classes or repetitions), which the constructor's callers keep.
     */
    static String needle(String alternative) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i <= alternative.length(); i++) {
            char c = i < alternative.length() ? alternative.charAt(i) : ')';
            boolean optional = i + 1 < alternative.length() && alternative.charAt(i + 1) == '?';
            boolean plain = depth == 0 && !optional && (Character.isLetterOrDigit(c) || c == ' ');
            if (plain) {
                run.append(c);
                continue;
            }
            if (run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
            if (c == '(') {
                depth++;
            } else if (c == ')' && i < alternative.length()) {
                depth--;
            }
        }
        if (best.isBlank()) {
            throw new IllegalArgumentException("phrase without a literal part: " + alternative);
        }
        return best;
    }
}
