package vn.govmail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The bench tool against a mail server nobody here wrote (GreenMail, in-process): tiny versions of the
 * scenarios must count every message as sent and delivered, and the IMAP session must run every command.
 * GreenMail has no IDLE, so the IDLE step is left out here.
 */
class BenchSmokeTest {
    private static final String PASSWORD = "bench-secret";
    private static final int USERS = 3;
    private static GreenMail greenMail;

    @BeforeAll
    static void startGreenMail() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        for (int i = 0; i <= USERS; i++) {
            String address = "user" + i + "@bench.test";
            greenMail.setUser(address, address, PASSWORD);
        }
    }

    @AfterAll
    static void stopGreenMail() {
        greenMail.stop();
    }

    private static String[] args(String scenario, String... options) {
        String[] target = {
            "--target", "greenmail",
            "--smtp", "127.0.0.1:" + greenMail.getSmtp().getPort(),
            "--imap", "127.0.0.1:" + greenMail.getImap().getPort(),
            "--users", "user%d@bench.test", "--user-count", Integer.toString(USERS), "--password", PASSWORD,
            "--pids", Long.toString(ProcessHandle.current().pid())};
        String[] all = new String[1 + options.length + target.length];
        all[0] = scenario;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(target, 0, all, 1 + options.length, target.length);
        return all;
    }

    @Test
    void smtpDeliveryCountsEveryMessageIntoTheMailboxes() throws Exception {
        int before = greenMail.getReceivedMessages().length;
        ResultTable table = Bench.measure(args("smtp", "--sizes", "4k", "--sessions", "1,3", "--messages", "12", "--recipients", "many,one", "--warmup", "0"));

        for (String mode : new String[] {"many", "one"}) {
            for (int sessions : new int[] {1, 3}) {
                String caseName = "smtp 4 KB ×" + sessions + " " + mode;
                assertThat(table.get(caseName, "messages sent/delivered", "greenmail")).as(caseName).isEqualTo(12.0);
                assertThat(table.get(caseName, "delivered", "greenmail")).as(caseName).isPositive();
                assertThat(table.get(caseName, "server CPU per 1,000 msg", "greenmail")).as(caseName).isPositive();
            }
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(before + 48);
        assertThat(greenMail.getReceivedMessagesForDomain("user0@bench.test").length).isGreaterThanOrEqualTo(24 + 2 * 4);
    }

    @Test
    void imapSessionRunsEveryCommandOnTheFilledMailbox() throws Exception {
        ResultTable table = Bench.measure(args("imap", "--mailbox-size", "120", "--sessions", "2", "--rounds", "2", "--bodies", "5",
            "--imap-steps", "select,fetch-envelopes,bodies,search,store"));

        String caseName = "imap 120 msgs ×2";
        assertThat(table.get(caseName, "sessions", "greenmail")).isPositive();
        assertThat(table.get(caseName, "FETCH BODY[] per s", "greenmail")).isPositive();
        assertThat(table.get(caseName, "SEARCH BODY p99", "greenmail")).isPositive();
        assertThat(table.get(caseName, "STORE p50", "greenmail")).isPositive();
        assertThat(greenMail.getReceivedMessagesForDomain("user3@bench.test")).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void mixedDayDeliversWhatItSent() throws Exception {
        ResultTable table = Bench.measure(args("mixed", "--duration", "3", "--senders", "1", "--rate", "5", "--readers", "1", "--webmail", "1"));

        String caseName = "mixed 3 s: 5.0 msg/s in, 1 readers, 1 webmail";
        Double accepted = table.get(caseName, "messages accepted", "greenmail");
        assertThat(accepted).isPositive();
        assertThat(table.get(caseName, "messages delivered", "greenmail")).isEqualTo(accepted);
        assertThat(table.get(caseName, "FETCH page of 50 (ENVELOPE BODYSTRUCTURE) p50", "greenmail")).isPositive();
    }

    @Test
    void aWrongPasswordFailsTheRunInsteadOfReportingFigures() {
        String[] wrong = args("smtp", "--sizes", "4k", "--sessions", "1", "--messages", "1", "--recipients", "one", "--warmup", "0");
        wrong[java.util.Arrays.asList(wrong).indexOf("--password") + 1] = "wrong";
        assertThatThrownBy(() -> Bench.measure(wrong)).hasMessageContaining("LOGIN failed");
    }

    @Test
    void anUnknownScenarioIsACommandLineError() {
        assertThatThrownBy(() -> Bench.measure(args("nonsense"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown scenario 'nonsense'");
    }
}
