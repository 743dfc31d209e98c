package vn.govmail.spamfilter.bayes;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.govmail.spamfilter.LinkFinder;
import vn.govmail.spamfilter.ParsedMessage;

/**
 * Turns a message into the set of tokens the classifier counts.
 *
 * <p>Vietnamese is written in syllables separated by spaces, so a "word" is a syllable; meaning lives in
 * syllable pairs ("tài khoản", "định danh"), hence bigrams. Spammers drop diacritics or mix them
 * ("tai khoan", "Tài khoan"), hence a diacritic-folded twin of every token (đ → d). Headers give tokens
 * prefixed by their name; URLs give their host and its registrable parts.
 */
public final class Tokenizer {
    private static final Pattern URL_HOST = Pattern.compile("(?i)\\b(?:https?://|www\\.)([a-z0-9.-]+)");
    private static final Pattern URL_PATH = Pattern.compile("(?i)\\bhttps?://[a-z0-9.-]+(?::\\d+)?(/[^\\s\"'<>]{1,200})");
    private static final Pattern HOST_NAME = Pattern.compile("(?i)\\b(?:[a-z0-9-]{1,63}\\.)+[a-z]{2,24}\\b");
    private static final Pattern HTML_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]{0,15})([^>]{0,500})>");
    private static final Pattern HTML_ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]{1,20})\\s*=");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_TOKENS = 3000;
    private static final int MAX_WORD = 40;

    private final boolean bigrams;

    public Tokenizer() {
        this(true);
    }

    /** @param bigrams also count pairs of neighbouring words (on by default: Vietnamese meaning lives in syllable pairs) */
    public Tokenizer(boolean bigrams) {
        this.bigrams = bigrams;
    }

    public Set<String> tokens(ParsedMessage message) {
        Set<String> tokens = new LinkedHashSet<>();
        for (ParsedMessage.Header header : message.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "subject" -> words("s:", header.value(), tokens, true);
                case "from", "reply-to", "to", "cc", "sender", "return-path" -> addresses(name, header.value(), tokens);
                case "x-mailer", "user-agent", "content-type", "x-priority", "importance", "precedence",
                     "list-id", "mime-version" -> words("h:" + name + ":", header.value(), tokens, false);
                case "received" -> hostDomains("h:received:", header.value(), tokens);
                case "message-id" -> hostDomains("h:message-id:", header.value(), tokens);
                default -> {
                }
            }
            if (tokens.size() < MAX_TOKENS) {
                tokens.add("h:has:" + name);   // which headers a sender's software writes is a strong hint
            }
        }
        tokens.add("h:received:" + Math.min(message.headers("Received").size(), 8));
        String text = message.visibleText();
        words("", text, tokens, true);
        String linkText = message.plainText() + " " + message.htmlText();
        LinkFinder urls = new LinkFinder(URL_HOST, linkText);
        while (urls.find() && tokens.size() < MAX_TOKENS) {
            String host = urls.matcher().group(1).toLowerCase(Locale.ROOT);
            tokens.add("url:" + host);
            String[] labels = host.split("\\.");
            if (labels.length >= 2) {
                tokens.add("url:" + labels[labels.length - 2] + "." + labels[labels.length - 1]);
            }
        }
        LinkFinder paths = new LinkFinder(URL_PATH, linkText);
        while (paths.find() && tokens.size() < MAX_TOKENS) {
            for (String piece : paths.matcher().group(1).toLowerCase(Locale.ROOT).split("[/?&=._~+-]+")) {
                if (piece.length() > 1 && piece.length() <= 20) {
                    tokens.add("url:path:" + piece);
                }
            }
        }
        if (!message.htmlText().isEmpty()) {
            tokens.add("m:html");
            htmlTags(message.htmlText(), tokens);
        }
        for (ParsedMessage.Attachment attachment : message.attachments()) {
            tokens.add("m:attach:" + (attachment.declaredType() == null ? "?" : attachment.declaredType().toLowerCase(Locale.ROOT)));
        }
        return tokens;
    }

    /** Tag and attribute names of the HTML (its styling habits say a lot about the sender's software). */
    private static void htmlTags(String html, Set<String> tokens) {
        Matcher tag = HTML_TAG.matcher(html);
        int seen = 0;
        while (tag.find() && seen++ < 2000 && tokens.size() < MAX_TOKENS) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            tokens.add("t:" + name);
            Matcher attribute = HTML_ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                tokens.add("t:" + name + ":" + attribute.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The registrable domains of the host names in a trace or Message-ID header ("from mx.example.com by
     * mail.isp.net" gives example.com and isp.net): the path a message took says who sent it.
     */
    private static void hostDomains(String prefix, String value, Set<String> tokens) {
        Matcher host = HOST_NAME.matcher(value);
        int seen = 0;
        while (host.find() && seen++ < 10 && tokens.size() < MAX_TOKENS) {
            String[] labels = host.group().toLowerCase(Locale.ROOT).split("\\.");
            tokens.add(prefix + labels[labels.length - 2] + "." + labels[labels.length - 1]);
        }
    }

    private void addresses(String name, String value, Set<String> tokens) {
        for (String part : value.toLowerCase(Locale.ROOT).split("[\\s<>\",;()]+")) {
            int at = part.indexOf('@');
            if (at > 0 && at < part.length() - 1) {
                tokens.add("a:" + name + ":" + part.substring(at + 1));
                tokens.add("a:" + name + ":local:" + part.substring(0, at));
            } else if (!part.isBlank()) {
                words("a:" + name + ":name:", part, tokens, false);
            }
        }
    }

    private void words(String prefix, String text, Set<String> tokens, boolean bigrams) {
        WordScanner scanner = new WordScanner(text);
        String previous = null;
        while (scanner.find() && tokens.size() < MAX_TOKENS) {
            String word = scanner.word().toLowerCase(Locale.ROOT);
            if (word.length() > MAX_WORD) {
                tokens.add(prefix + "skip:" + word.charAt(0) + (word.length() / 10));
                previous = null;
                continue;
            }
            if (word.length() == 1 && word.charAt(0) < 128) {
                previous = null;
                continue;
            }
            tokens.add(prefix + word);
            String folded = fold(word);
            if (!folded.equals(word)) {
                tokens.add(prefix + "f:" + folded);
            }
            if (bigrams && this.bigrams && previous != null) {
                tokens.add(prefix + "b:" + previous + " " + folded);
            }
            previous = folded;
        }
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without diacritics, đ → d: "Định danh" → "dinh danh". */
    public static String fold(String text) {
        if (isPlainAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'd');
    }
}
