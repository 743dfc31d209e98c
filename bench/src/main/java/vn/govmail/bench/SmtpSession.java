package vn.govmail.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP session on a raw socket that sends message after message (MAIL, RCPT, DATA on the same connection, as
 * Postfix's smtp-source does). A message counts as accepted only on the server's 250 after the final dot.
 */
final class SmtpSession implements Closeable {
    static final String SENDER = "loadgen@bench-client.example";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private SmtpSession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static SmtpSession open(Endpoint endpoint) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 30_000);
        socket.setSoTimeout(300_000);
        SmtpSession session = new SmtpSession(socket);
        try {
            session.expect(220, null);
            session.expect(250, "EHLO bench-client.example");
            return session;
        } catch (IOException e) {
            session.close();
            throw e;
        }
    }

    /** Sends one message to one recipient; the message must be CRLF text without lines starting with a dot. */
    void send(String recipient, byte[] message) throws IOException {
        expect(250, "MAIL FROM:<" + SENDER + ">");
        expect(250, "RCPT TO:<" + recipient + ">");
        expect(354, "DATA");
        out.write(message);
        expect(250, ".");
    }

    private void expect(int code, String command) throws IOException {
        if (command != null) {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String reply = readReply();
        if (!reply.startsWith(Integer.toString(code))) {
            throw new IOException("SMTP " + (command == null ? "greeting" : command.split("[ :]")[0]) + " answered: " + reply);
        }
    }

    /** The last line of a (possibly multi-line) reply. */
    private String readReply() throws IOException {
        while (true) {
            String line = readLine();
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("SMTP connection closed by the server");
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    @Override
    public void close() {
        try {
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the server may already be gone
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
