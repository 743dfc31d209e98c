package vn.govmail.webmail.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import jakarta.mail.internet.MimeUtility;

/**
 * Turns the bytes of a text part into the text the sender meant. Vietnamese mail arrives in UTF-8, in
 * windows-1258 (legacy Windows), decomposed (NFD: "ê" + combining accents, from macOS and some eOffice
 * exports) and mis-labelled (UTF-8 declared as iso-8859-1 or not declared at all). Everything leaves here
 * in NFC so that search, display and comparison agree.
 */
public final class TextDecoding {
    private static final Set<String> WEAK_LABELS = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252");
    private static final Set<String> ASCII_LABELS = Set.of("us-ascii", "ascii");
    private static final Charset LEGACY_VIETNAMESE = Charset.forName("windows-1258");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, String declaredCharset) {
        String label = declaredCharset == null ? "" : MimeUtility.javaCharset(declaredCharset.trim()).toLowerCase(Locale.ROOT);
        boolean utf8Valid = isValidUtf8(bytes);
        boolean ascii = declaredCharset != null && ASCII_LABELS.contains(declaredCharset.strip().toLowerCase(Locale.ROOT));
        Charset charset;
        if (label.isEmpty() || WEAK_LABELS.contains(label)) {
            // A weak or missing label over bytes that are valid UTF-8 with non-ASCII characters: the label is wrong.
            // 8-bit bytes labelled ASCII (or unlabelled: IMAP servers report a missing label as us-ascii) are a guess too.
            charset = utf8Valid ? StandardCharsets.UTF_8 : label.isEmpty() || ascii ? LEGACY_VIETNAMESE
                : charset(label, StandardCharsets.ISO_8859_1);
        } else if (label.equals("utf-8") || label.equals("utf8")) {
            charset = utf8Valid ? StandardCharsets.UTF_8 : LEGACY_VIETNAMESE;
        } else {
            charset = charset(label, utf8Valid ? StandardCharsets.UTF_8 : LEGACY_VIETNAMESE);
        }
        return normalize(new String(bytes, charset));
    }

    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** "Văn bản" → "van ban": what the fallback search compares. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String name, Charset fallback) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
