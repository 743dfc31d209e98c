package vn.govmail.webmail.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.util.HashMap;
import java.util.Map;
import vn.govmail.webmail.config.WebmailSettings;

/** A GreenMail IMAP + SMTP server with two accounts, and connectors for the services under test. */
public final class GreenMailAccounts {
    public static final String ALICE = "nguyenvana@demo.gov.vn";
    public static final String BOB = "tranthib@demo.gov.vn";
    public static final String PASSWORD = "Secret-1";

    private GreenMailAccounts() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(ALICE, ALICE, PASSWORD).withUser(BOB, BOB, PASSWORD))
            .withPerMethodLifecycle(true);
    }

    public static MailConnector connector(GreenMailExtension greenMail) {
        return connector(greenMail, greenMail.getImap().getPort());
    }

    /** A connector whose IMAP connections go to this port (a relay in front of GreenMail, for instance). */
    public static MailConnector connector(GreenMailExtension greenMail, int imapPort) {
        Map<String, String> env = new HashMap<>();
        env.put("GOVMAIL_IMAP_PORT", Integer.toString(imapPort));
        env.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(greenMail.getSmtp().getPort()));
        env.put("GOVMAIL_WEBMAIL_IMAP_SECURITY", "NONE");
        env.put("GOVMAIL_WEBMAIL_SMTP_SECURITY", "NONE");
        env.put("GOVMAIL_DATA", "target/greenmail-data");
        return new MailConnector(WebmailSettings.fromEnvironment(env));
    }

    /** Logs in and creates the folders our server provisions (GreenMail has only INBOX). */
    public static MailAccount login(GreenMailExtension greenMail, String user) throws MessagingException {
        MailAccount account = connector(greenMail).login(user, PASSWORD.toCharArray());
        FolderService folders = new FolderService(account);
        for (FolderRole role : FolderRole.values()) {
            if (role.defaultName() != null && role != FolderRole.INBOX && !account.store().getFolder(role.defaultName()).exists()) {
                folders.create(null, role.defaultName());
            }
        }
        return account;
    }
}
