package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole SpamAssassin corpus (3,125 real, messy messages) through SMTP and back over IMAP: each one is
 * accepted or refused with a reason, and every stored one comes back byte for byte over BODY[] (after the
 * trace headers the server prepends: Return-Path and Received). On final delivery the server replaces any
 * Return-Path the message already carried with the real envelope sender, as RFC 5321 §4.4 allows; the
 * comparison takes that one header out of the original.
 */
class CorpusRoundTripIT {
    private static final List<String> RECIPIENTS = List.of(
        MailServerProcess.demoUser("nguyenvana"), MailServerProcess.demoUser("tranthib"), MailServerProcess.demoUser("vanthu"));
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        // Storage fidelity, not filtering: the spam filter would add headers and file spam into Junk
        // (its own accuracy on this corpus is measured by bench/spam-accuracy.sh).
        server = MailServerProcess.start("corpus", java.util.Map.of("GOVMAIL_SPAM_ENABLED", "false"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void everyCorpusMessageIsStoredByteIdentical() throws Exception {
        Path corpus = Path.of(System.getProperty("govmail.shared"), "corpus", "spamassassin");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(path -> path.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3000);

        Map<String, String> expected = new ConcurrentHashMap<>(); // sha256 of the wire form -> file
        Map<String, String> refused = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();
        for (int connection = 0; connection < 4; connection++) {
            results.add(senders.submit(() -> {
                SmtpDialog smtp = null;
                int index;
                while ((index = next.getAndIncrement()) < files.size()) {
                    Path file = files.get(index);
                    byte[] message = crlf(Files.readAllBytes(file));
                    String recipient = RECIPIENTS.get(index % RECIPIENTS.size());
                    if (smtp == null) {
                        smtp = new SmtpDialog(server.smtpPort);
                        smtp.send("EHLO corpus.example.org");
                    }
                    String reply = sendOne(smtp, recipient, message);
                    if (reply.startsWith("250")) {
                        expected.put(recipient + " " + sha256(withoutReturnPath(message)), file.getFileName().toString());
                    } else {
                        refused.put(file.getFileName().toString(), reply.trim());
                        smtp.close();
                        smtp = null;
                    }
                }
                if (smtp != null) {
                    smtp.send("QUIT");
                    smtp.close();
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        for (Future<?> result : results) {
            result.get();
        }
        System.out.printf("corpus: %d messages sent over 4 connections in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
        senders.shutdown();
        refused.forEach((file, reply) -> System.out.println("corpus: refused " + file + ": " + reply));
        // A refusal must carry a real reason (a 5xx code), never a temporary failure.
        assertThat(refused.values()).allMatch(reply -> reply.matches("^5\\d\\d .*"));
        assertThat(refused.size()).as("refused messages").isLessThan(files.size() / 100);

        long sent = System.nanoTime();
        for (String recipient : RECIPIENTS) {
            long accepted = expected.keySet().stream().filter(key -> key.startsWith(recipient + " ")).count();
            awaitCount(recipient, accepted, 300_000);
        }
        System.out.printf("corpus: all delivered %.1f s after the last 250%n", (System.nanoTime() - sent) / 1e9);
        Set<String> found = ConcurrentHashMap.newKeySet();
        for (String recipient : RECIPIENTS) {
            collectStored(recipient, expected.keySet(), found);
        }
        Set<String> missing = new java.util.HashSet<>(expected.keySet());
        missing.removeAll(found);
        missing.stream().limit(20).forEach(key -> System.out.println("corpus: not found byte-identical: " + expected.get(key)));
        System.out.printf("corpus: %d sent, %d accepted, %d refused, %d verified byte-identical%n",
            files.size(), expected.size(), refused.size(), found.size());
        assertThat(missing).isEmpty();
    }

    private static String sendOne(SmtpDialog smtp, String recipient, byte[] message) throws Exception {
        String reply = smtp.send("MAIL FROM:<corpus@example.org>");
        if (!reply.startsWith("250")) {
            return reply;
        }
        reply = smtp.send("RCPT TO:<" + recipient + ">");
        if (!reply.startsWith("250")) {
            return reply;
        }
        reply = smtp.send("DATA");
        if (!reply.startsWith("354")) {
            return reply;
        }
        smtp.write(dotStuff(message));
        return smtp.send(".");
    }

    private static void awaitCount(String recipient, long count, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try (Store store = MailClients.openImaps(server, recipient)) {
            Folder inbox = store.getFolder("INBOX");
            while (inbox.getMessageCount() < count && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
            }
        }
    }

    /** Fetches BODY[] of every message and records which originals it matches (skipping prepended trace lines). */
    private static void collectStored(String recipient, Set<String> expected, Set<String> found) throws Exception {
        try (Store store = MailClients.openImaps(server, recipient)) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            for (int start = 0; start < messages.length; start += 200) {
                Message[] batch = java.util.Arrays.copyOfRange(messages, start, Math.min(messages.length, start + 200));
                FetchProfile profile = new FetchProfile();
                profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
                inbox.fetch(batch, profile);
                for (Message message : batch) {
                    byte[] stored = raw((IMAPMessage) message);
                    int offset = 0;
                    for (int line = 0; line <= 12 && offset < stored.length; line++) {
                        String key = recipient + " " + sha256(java.util.Arrays.copyOfRange(stored, offset, stored.length));
                        if (expected.contains(key)) {
                            found.add(key);
                            break;
                        }
                        offset = nextLine(stored, offset);
                    }
                }
            }
            inbox.close(false);
        }
    }

    private static byte[] raw(IMAPMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static int nextLine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    /** The message with its Return-Path header fields (and their continuation lines) removed. */
    static byte[] withoutReturnPath(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        int offset = 0;
        boolean inHeader = true;
        boolean skipping = false;
        while (offset < message.length) {
            int end = nextLine(message, offset);
            boolean blank = end - offset <= 2 && (end - offset == 0 || message[offset] == '\r' || message[offset] == '\n');
            if (inHeader && blank) {
                inHeader = false;
            }
            if (inHeader) {
                boolean continuation = message[offset] == ' ' || message[offset] == '\t';
                if (!continuation) {
                    skipping = new String(message, offset, Math.min(12, end - offset), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .equalsIgnoreCase("Return-Path:");
                }
            } else {
                skipping = false;
            }
            if (!skipping) {
                out.write(message, offset, end - offset);
            }
            offset = end;
        }
        return out.toByteArray();
    }

    /** The SMTP wire form: every line ends in CRLF, and the message ends with one. */
    static byte[] crlf(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 1024);
        for (int i = 0; i < input.length; i++) {
            byte b = input[i];
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        byte[] result = out.toByteArray();
        if (result.length < 2 || result[result.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
            result = out.toByteArray();
        }
        return result;
    }

    private static byte[] dotStuff(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
