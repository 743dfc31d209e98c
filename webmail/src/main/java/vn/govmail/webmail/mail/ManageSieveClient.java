package vn.govmail.webmail.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal ManageSieve (RFC 5804) client: STARTTLS (required), AUTHENTICATE PLAIN, PUTSCRIPT, SETACTIVE,
 * GETSCRIPT. No library for it resolves here; the protocol subset the webmail needs is this small.
 */
final class ManageSieveClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    ManageSieveClient(String host, int port, SSLSocketFactory tls, boolean requireTls) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(30_000);
        streams();
        String greeting = response();
        if (requireTls) {
            if (!greeting.toUpperCase().contains("\"STARTTLS\"")) {
                throw new IOException("ManageSieve server offers no STARTTLS");
            }
            command("STARTTLS");
            SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port, true);
            secure.startHandshake();
            socket = secure;
            streams();
            response(); // RFC 5804 2.2: the server repeats its capabilities over TLS (govmail's ManageSieve does)
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void authenticate(String user, char[] password) throws IOException {
        byte[] plain = ("\0" + user + "\0" + new String(password)).getBytes(StandardCharsets.UTF_8);
        String encoded = Base64.getEncoder().encodeToString(plain);
        // the credentials as the initial response in a quoted string (RFC 5804 2.1): one round trip, and the form
        // James's parser handles (it does not read a bare base64 continuation line)
        command("AUTHENTICATE \"PLAIN\" " + quote(encoded));
    }

    void putScript(String name, String script) throws IOException {
        byte[] body = script.getBytes(StandardCharsets.UTF_8);
        command("PUTSCRIPT " + quote(name) + " {" + body.length + "+}\r\n" + script);
    }

    void setActive(String name) throws IOException {
        command("SETACTIVE " + quote(name));
    }

    String getScript(String name) throws IOException {
        String response = command("GETSCRIPT " + quote(name));
        int open = response.indexOf('{');
        int close = response.indexOf("}\r\n", open);
        if (open < 0 || close < 0) {
            return "";
        }
        return response.substring(close + 3, response.lastIndexOf("\r\nOK")).stripTrailing();
    }

    private String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return response();
    }

    /** Reads up to and including the OK/NO/BYE line; literals {n} in between are read whole. */
    private String response() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String line = readLine();
            all.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (line.matches(".*\\{\\d+\\+?}$")) {
                int length = Integer.parseInt(line.substring(line.lastIndexOf('{') + 1, line.length() - 1).replace("+", ""));
                all.writeBytes(in.readNBytes(length));
                continue;
            }
            String upper = line.toUpperCase();
            if (upper.startsWith("OK")) {
                return all.toString(StandardCharsets.UTF_8);
            }
            if (upper.startsWith("NO") || upper.startsWith("BYE")) {
                throw new IOException("ManageSieve: " + line);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("ManageSieve server closed the connection");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        try {
            out.write("LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
