package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.mail.Message;
import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ManageSieve on its STARTTLS port, driven by sieve-connect (Debian's client, installed by .ci/run): upload and
 * activate a vacation script, then mail to the user brings the auto-reply back to the sender. Also checks the
 * two security properties around STARTTLS: no password before TLS, no plaintext smuggled behind STARTTLS.
 */
class ManageSieveIT {
    private static final String ALICE = MailServerProcess.demoUser("nguyenvana");
    private static final String BOB = MailServerProcess.demoUser("tranthib");
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        if (System.getenv("CI") != null) {
            assertThat(ExternalCommand.available("sieve-connect")).as("sieve-connect must be installed (.ci/run installs it)").isTrue();
        } else {
            assumeTrue(ExternalCommand.available("sieve-connect"), "sieve-connect is not installed");
        }
        server = MailServerProcess.startEmbedded("managesieve");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sieveConnectActivatesVacationAndTheSenderGetsTheReply() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path work = server.workDirectory();
        Path script = work.resolve("vacation.sieve");
        Files.writeString(script, """
            require ["vacation"];
            vacation :days 1 :subject "Vang mat %s" "Toi dang nghi phep den thu Hai.";
            """.formatted(token), StandardCharsets.UTF_8);
        Path password = work.resolve("sieve-password");
        Files.writeString(password, MailServerProcess.PASSWORD);

        // A delivery to Alice before her script exists: the server now remembers "no active script" for her, and
        // uploading and activating one below must make it forget that (CachingSieveRepository).
        Store aliceStore = MailClients.openImaps(server, ALICE);
        try {
            int before = MailClients.awaitMessages(aliceStore, "INBOX", 0, Duration.ZERO).length;
            MailClients.submitText(server, BOB, ALICE, "Truoc khi nghi " + token, token, "Chua co bo loc.");
            MailClients.awaitMessages(aliceStore, "INBOX", before + 1, Duration.ofSeconds(30));
        } finally {
            aliceStore.close();
        }

        ExternalCommand upload = sieveConnect(password, "--localsieve", script.toString(), "--remotesieve", "vacation", "--upload");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        ExternalCommand activate = sieveConnect(password, "--remotesieve", "vacation", "--activate");
        assertThat(activate.exitCode()).as(activate.output()).isZero();
        ExternalCommand list = sieveConnect(password, "--list");
        assertThat(list.output()).as(list.output()).containsPattern("(?i)vacation\\S*\\s+(<-- )?active");

        Store bobStore = MailClients.openImaps(server, BOB);
        try {
            int before = MailClients.awaitMessages(bobStore, "INBOX", 0, Duration.ZERO).length;
            MailClients.submitText(server, BOB, ALICE, "Hop giao ban " + token, token, "Anh xem giup tai lieu.");
            Message[] after = MailClients.awaitMessages(bobStore, "INBOX", before + 1, Duration.ofSeconds(30));
            List<String> subjects = Arrays.stream(after).map(ManageSieveIT::subject).toList();
            assertThat(subjects).as("Bob's INBOX").contains("Vang mat " + token);
        } finally {
            bobStore.close();
        }
    }

    @Test
    void authenticateBeforeStartTlsIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.manageSievePort)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertThat(readUntilStatus(in)).contains("\"STARTTLS\"");
            String plain = Base64.getEncoder().encodeToString(("\0" + ALICE + "\0" + MailServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
            send(socket.getOutputStream(), "AUTHENTICATE \"PLAIN\" \"" + plain + "\"\r\n");
            assertThat(readUntilStatus(in)).startsWith("NO (ENCRYPT-NEEDED)").doesNotContain("OK");
        }
    }

    @Test
    void plaintextPipelinedBehindStartTlsIsNotExecuted() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.manageSievePort)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            readUntilStatus(in);
            send(socket.getOutputStream(), "STARTTLS\r\nLISTSCRIPTS\r\n");
            socket.setSoTimeout(2_000);
            String answer;
            try {
                answer = readUntilStatus(in);
            } catch (SocketTimeoutException silence) {
                answer = "";
            }
            assertThat(answer).as("neither STARTTLS nor the smuggled command is answered").doesNotContain("OK");
        }
        assertThat(server.log()).contains("CommandInjectionDetectedException");
    }

    @Test
    void afterStartTlsCapabilitiesAreRepeatedAndAContinuationLoginWorks() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.manageSievePort)) {
            plain.setSoTimeout(10_000);
            readUntilStatus(plain.getInputStream());
            send(plain.getOutputStream(), "STARTTLS\r\n");
            assertThat(readUntilStatus(plain.getInputStream())).startsWith("OK");
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new TrustAllCertificates()}, null);
            try (SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket(plain, "127.0.0.1", server.manageSievePort, true)) {
                tls.startHandshake();
                InputStream in = tls.getInputStream();
                assertThat(readUntilStatus(in)).as("capabilities over TLS").contains("\"SASL\" \"PLAIN\"").doesNotContain("STARTTLS");
                String credentials = Base64.getEncoder().encodeToString(("\0" + ALICE + "\0" + MailServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
                send(tls.getOutputStream(), "AUTHENTICATE \"PLAIN\"\r\n");
                assertThat(readLine(in)).startsWith("+");
                send(tls.getOutputStream(), "\"" + credentials + "\"\r\n");
                assertThat(readUntilStatus(in)).startsWith("OK");
                send(tls.getOutputStream(), "LISTSCRIPTS\r\n");
                assertThat(readUntilStatus(in)).endsWith("OK\r\n");
            }
        }
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    /** The demo server's certificate is self-signed; this test is about the protocol, not the PKI. */
    private static final class TrustAllCertificates implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static ExternalCommand sieveConnect(Path password, String... action) throws Exception {
        String command = "sieve-connect --server 127.0.0.1 --port " + server.manageSievePort + " --user " + ALICE
            + " --authmech PLAIN --notlsverify --noclearauth --passwordfd 3 " + String.join(" ", action) + " 3<" + password;
        return ExternalCommand.run(List.of("sh", "-c", command));
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads lines until one starts with OK, NO or BYE; returns everything read. */
    private static String readUntilStatus(InputStream in) throws Exception {
        StringBuilder all = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            all.append((char) c);
            if (c == '\n') {
                String text = line.toString().strip();
                if (text.startsWith("OK") || text.startsWith("NO") || text.startsWith("BYE")) {
                    return all.toString();
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return all.toString();
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
