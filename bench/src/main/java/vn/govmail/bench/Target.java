package vn.govmail.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One mail system under test: where its SMTP and IMAP listeners are, the accounts on it, and (optionally) the
 * processes and directories whose CPU, memory and disk use the bench reports.
 *
 * @param users       address pattern with {@code %d} for the account number, e.g. {@code user%d@bench.gov.vn}
 * @param userCount   accounts 0..userCount-1 receive mail; account number {@code userCount} holds the big IMAP mailbox
 * @param rootPids    server processes; each one's descendants are measured too
 * @param dataDirs    where the server keeps mail and queues (disk bytes per message)
 */
record Target(String name, Endpoint smtp, Endpoint imap, TlsMode imapTls, String users, int userCount, String password,
              List<Long> rootPids, List<Path> dataDirs) {

    String user(int number) {
        return String.format(users, number);
    }

    List<String> recipients() {
        return IntStream.range(0, userCount).mapToObj(this::user).toList();
    }

    /** The account whose INBOX holds the large mailbox of the IMAP scenario. */
    String imapUser() {
        return user(userCount);
    }

    ImapConnection login(String user) throws java.io.IOException {
        return ImapConnection.login(imap, imapTls, user, password);
    }

    ServerMeter meter() {
        return new ServerMeter(rootPids, dataDirs);
    }
}
