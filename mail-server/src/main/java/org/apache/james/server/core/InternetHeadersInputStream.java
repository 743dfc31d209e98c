package org.apache.james.server.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import javax.mail.internet.InternetHeaders;

/**
 * govmail replacement for James 3.8.1's class of the same name (ours is first on the class path; see
 * docs/architecture.md, "Patched James behaviour").
 *
 * <p>James re-serialises a message's header block through this stream whenever a mailet changes a header
 * (local delivery always sets Return-Path). The original turned every header line into bytes with US-ASCII,
 * so any raw 8-bit byte in a header (an unencoded Vietnamese subject, a legacy-charset sender name) became
 * '?': the stored mail was silently corrupted. JavaMail reads header bytes one-to-one as ISO-8859-1, so
 * writing them back with ISO-8859-1 restores the exact bytes that arrived.
 */
public class InternetHeadersInputStream extends InputStream {
    private static final byte[] CRLF = {'\r', '\n'};

    private ByteArrayInputStream bytes;

    public InternetHeadersInputStream(InternetHeaders headers) {
        this(headers.getAllHeaderLines());
    }

    /** Each line followed by CRLF, then the empty line that ends a header block; nothing for no lines. */
    public InternetHeadersInputStream(Enumeration<String> headerLines) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        boolean any = false;
        while (headerLines.hasMoreElements()) {
            block.writeBytes(headerLines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            block.writeBytes(CRLF);
            any = true;
        }
        if (any) {
            block.writeBytes(CRLF);
        }
        bytes = new ByteArrayInputStream(block.toByteArray());
    }

    @Override
    public int read() {
        return bytes == null ? -1 : bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return bytes == null ? -1 : bytes.read(buffer, offset, length);
    }

    @Override
    public void close() {
        bytes = null;
    }
}
