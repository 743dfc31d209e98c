package vn.govmail.eoffice.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Plain text of a document attachment (PDF, DOC, DOCX, HTML, text) through Apache Tika. Text is capped so that a
 * huge attachment cannot exhaust memory; a file Tika cannot read gives empty text, never an exception.
 */
public final class AttachmentText {
    /** Enough for any official document's text; longer text is cut. */
    static final int MAX_CHARACTERS = 2_000_000;
    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "doc", "docx", "odt", "rtf", "txt", "htm", "html");

    /**
     * Tika's parser, built on the first attachment read (its configuration scan of every parser and MIME type
     * costs about a second of CPU, which would otherwise be spent at every server start). The parser is
     * thread-safe, so one serves every caller; the holder class makes its creation lazy and safe.
     */
    private static final class SharedParser {
        static final AutoDetectParser INSTANCE = new AutoDetectParser();
    }

    public String extract(String fileName, String contentType, byte[] content) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
        try (InputStream in = new ByteArrayInputStream(content)) {
            SharedParser.INSTANCE.parse(in, handler, metadata, new ParseContext());
        } catch (Exception | LinkageError e) {
            // Either the write limit was reached (the text so far is kept) or the file is unreadable.
        }
        return Normalizer.normalize(handler.toString(), Normalizer.Form.NFC);
    }

    /** Whether an attachment can carry the document itself (and so is worth reading). */
    public static boolean isDocument(String fileName, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.equals("application/pdf") || type.equals("application/msword") || type.contains("wordprocessingml")
            || type.contains("opendocument.text") || type.equals("application/rtf")) {
            return true;
        }
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return false;
        }
        return DOCUMENT_EXTENSIONS.contains(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }
}
