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
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal IMAP4rev1 client on a raw socket: tagged commands, untagged lines with their literals, STARTTLS,
 * APPEND and IDLE. It keeps no message data (literal bytes are only counted), so that the load generator costs
 * little next to the server it measures.
 */
final class ImapConnection implements Closeable {
    /** The tagged completion and the untagged lines (literals replaced by {@code {n}}) of one command. */
    record Response(String status, String text, List<String> untagged, long literalBytes) {
        boolean ok() {
            return "OK".equals(status);
        }
    }

    private static final int TIMEOUT_MILLIS = 300_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int tags;
    private String bye;

    private ImapConnection(Socket socket) throws IOException {
        use(socket);
    }

    static ImapConnection open(Endpoint endpoint, TlsMode tls) throws IOException {
        Socket socket = tls == TlsMode.IMPLICIT ? TrustAllTls.wrap(plainSocket(endpoint), endpoint) : plainSocket(endpoint);
        ImapConnection connection = new ImapConnection(socket);
        String greeting = connection.readLine();
        if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
            connection.close();
            throw new IOException("IMAP server " + endpoint + " greeted with: " + greeting);
        }
        if (tls == TlsMode.STARTTLS) {
            connection.expectOk("STARTTLS");
            connection.use(TrustAllTls.wrap(connection.socket, endpoint));
        }
        return connection;
    }

    /** Opens, secures and logs in. */
    static ImapConnection login(Endpoint endpoint, TlsMode tls, String user, String password) throws IOException {
        ImapConnection connection = open(endpoint, tls);
        try {
            connection.expectOk("LOGIN " + quote(user) + " " + quote(password));
            return connection;
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    private static Socket plainSocket(Endpoint endpoint) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 30_000);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Response command(String command) throws IOException {
        String tag = nextTag();
        send(tag + " " + command + "\r\n");
        return readUntilTagged(tag);
    }

    Response expectOk(String command) throws IOException {
        Response response = command(command);
        if (!response.ok()) {
            throw new IOException("IMAP " + firstWord(command) + " failed: " + response.status() + " " + response.text());
        }
        return response;
    }

    /** APPEND with a synchronising literal. */
    Response append(String mailbox, byte[] message) throws IOException {
        String tag = nextTag();
        send(tag + " APPEND " + quote(mailbox) + " {" + message.length + "}\r\n");
        String continuation = readLine();
        if (!continuation.startsWith("+")) {
            throw new IOException("APPEND refused: " + continuation);
        }
        out.write(message);
        send("\r\n");
        return readUntilTagged(tag);
    }

    /** Enters IDLE and returns once the server has confirmed it ({@code + idling}). */
    String startIdle() throws IOException {
        String tag = nextTag();
        send(tag + " IDLE\r\n");
        while (true) {
            String line = readLogicalLine(null);
            if (line.startsWith("+")) {
                return tag;
            }
            if (line.startsWith(tag + " ")) {
                throw new IOException("IDLE refused: " + line);
            }
        }
    }

    Response finishIdle(String tag) throws IOException {
        send("DONE\r\n");
        return readUntilTagged(tag);
    }

    private String nextTag() {
        return "b" + (++tags);
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Response readUntilTagged(String tag) throws IOException {
        List<String> untagged = new ArrayList<>();
        long[] literalBytes = {0};
        while (true) {
            String line = readLogicalLine(literalBytes);
            if (line.startsWith(tag + " ")) {
                String rest = line.substring(tag.length() + 1);
                int space = rest.indexOf(' ');
                String status = space < 0 ? rest : rest.substring(0, space);
                return new Response(status, space < 0 ? "" : rest.substring(space + 1), untagged, literalBytes[0]);
            }
            if (line.startsWith("* BYE")) {
                bye = line; // normal before LOGOUT's OK; otherwise the close that follows reports it
            }
            untagged.add(line);
        }
    }

    /** One response line; each literal in it is read and counted, and stands as {@code {n}} in the text. */
    private String readLogicalLine(long[] literalBytes) throws IOException {
        StringBuilder logical = new StringBuilder();
        while (true) {
            String line = readLine();
            logical.append(line);
            int size = literalSize(line);
            if (size < 0) {
                return logical.toString();
            }
            skip(size);
            if (literalBytes != null) {
                literalBytes[0] += size;
            }
        }
    }

    private static int literalSize(String line) {
        if (!line.endsWith("}")) {
            return -1;
        }
        int open = line.lastIndexOf('{');
        if (open < 0) {
            return -1;
        }
        String digits = line.substring(open + 1, line.length() - 1).replace("+", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("IMAP connection closed inside a literal");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(bye == null ? "IMAP connection closed by the server" : "IMAP server closed the session: " + bye);
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static String firstWord(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
