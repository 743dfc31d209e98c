package vn.govmail.mailserver.it;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A remote mail server for outbound tests: accepts everything on loopback except recipients whose local part
 * starts with "rejected", which get a permanent 550 (so the sender must receive a bounce).
 */
final class SmtpSink implements AutoCloseable {
    record Received(String sender, List<String> recipients, byte[] data) {
    }

    private final ServerSocket socket;
    final List<Received> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SmtpSink() throws IOException {
        this(InetAddress.getLoopbackAddress(), 0);
    }

    /** A sink on a fixed address and port, e.g. 127.0.0.2:25 to stand for a remote domain's MX host. */
    SmtpSink(InetAddress address, int port) throws IOException {
        socket = new ServerSocket(port, 50, address);
        acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread worker = new Thread(() -> serve(client), "smtp-sink-session");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 sink.example.org ESMTP test sink");
            String sender = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink.example.org\r\n250-8BITMIME\r\n250 SIZE 104857600");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (command.startsWith("MAIL FROM:")) {
                    sender = between(line);
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO:")) {
                    String recipient = between(line);
                    if (recipient.toLowerCase(Locale.ROOT).startsWith("rejected")) {
                        reply(out, "550 5.1.1 No such user here");
                    } else {
                        recipients.add(recipient);
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        if (dataLine.startsWith("..")) {
                            dataLine = dataLine.substring(1);
                        }
                        data.writeBytes((dataLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    messages.add(new Received(sender, List.copyOf(recipients), data.toByteArray()));
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String between(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start + 1);
        return start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
