package vn.govmail.mailserver.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text of one attachment (PDF, DOC, DOCX, XLS, XLSX, ODT, RTF, TXT, ...) through Apache Tika, with a bound on input
 * size, output size and time. Whatever goes wrong (corrupt file, unsupported type, a parser that never returns), the
 * answer is the text obtained so far or an empty string: an attachment never blocks the indexing of its message.
 */
final class AttachmentTextExtractor {
    private static final Logger LOGGER = LoggerFactory.getLogger(AttachmentTextExtractor.class);

    private final Parser parser = new AutoDetectParser();
    private final long maxInputBytes;
    private final int maxOutputChars;
    private final Duration timeout;
    /** Daemon threads: a parser stuck past its timeout is abandoned, it cannot keep the JVM alive. */
    /** Parsers running at once; one that overruns its timeout keeps its permit until it really ends. */
    private final Semaphore running = new Semaphore(4);
    private final ExecutorService parsing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "search-attachment-text");
        thread.setDaemon(true);
        return thread;
    });

    AttachmentTextExtractor(long maxInputBytes, int maxOutputChars, Duration timeout) {
        this.maxInputBytes = maxInputBytes;
        this.maxOutputChars = maxOutputChars;
        this.timeout = timeout;
    }

    String extract(InputStream content, String mimeType, String fileName) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxInputBytes + 1));
        } catch (IOException e) {
            LOGGER.warn("Attachment '{}' could not be read: {}", fileName, e.toString());
            return "";
        }
        if (bytes.length > maxInputBytes) {
            LOGGER.info("Attachment '{}' is larger than {} bytes: its name is indexed, not its text", fileName, maxInputBytes);
            return "";
        }
        BodyContentHandler handler = new BodyContentHandler(maxOutputChars);
        try {
            if (!running.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOGGER.warn("Attachment '{}': every text extractor is busy with stuck files; indexed by name only", fileName);
                return "";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        Future<?> parse = parsing.submit(() -> {
            try {
                return parse(bytes, mimeType, fileName, handler);
            } finally {
                running.release();
            }
        });
        try {
            parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            LOGGER.warn("Attachment '{}' took longer than {} to extract: indexed with the text found so far", fileName, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOGGER.warn("Attachment '{}' ({}) could not be extracted: {}", fileName, mimeType, rootMessage(e));
        }
        return safeText(handler);
    }

    private Void parse(byte[] bytes, String mimeType, String fileName, BodyContentHandler handler) throws Exception {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (mimeType != null) {
            metadata.set(Metadata.CONTENT_TYPE, mimeType);
        }
        try (InputStream input = new ByteArrayInputStream(bytes)) {
            parser.parse(input, handler, metadata, new ParseContext());
        } catch (Exception e) {
            if (!isWriteLimit(e)) {
                throw e;
            }
        }
        return null;
    }

    private static boolean isWriteLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("WriteLimitReachedException")) {
                return true;
            }
        }
        return false;
    }

    private static String safeText(BodyContentHandler handler) {
        try {
            return handler.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
