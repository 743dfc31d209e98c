package vn.govmail.webmail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.server.VaadinSession;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.imap.IdleManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govmail.webmail.mail.GreenMailAccounts;
import vn.govmail.webmail.mail.LoginThrottle;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.SearchHit;
import vn.govmail.webmail.mail.UserPreferences;

/** The views without a browser, over a GreenMail account: texts, login outcomes, folder labels, list, reader, spam. */
class ViewsTest extends BrowserlessTest {
    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailAccounts.server();

    @BeforeAll
    static void translations() {
        System.setProperty("vaadin.i18n.provider", WebmailI18NProvider.class.getName());
    }

    @BeforeEach
    void vietnamese() {
        VaadinSession.getCurrent().setLocale(WebmailI18NProvider.VIETNAMESE);
        UI.getCurrent().setLocale(WebmailI18NProvider.VIETNAMESE);
    }

    private LoginView loginView(LoginThrottle throttle) throws Exception {
        LoginView view = new LoginView(GreenMailAccounts.connector(greenMail), throttle,
            new PreferencesStore(Files.createTempDirectory("prefs")));
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void loginIsInVietnameseAndWrongPasswordsAreThrottled() throws Exception {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15), Clock.systemUTC());
        LoginView view = loginView(throttle);
        LoginForm form = $(LoginForm.class, view).single();
        assertThat(view.shownTexts().getForm().getUsername()).isEqualTo("Địa chỉ thư");
        assertThat(view.shownTexts().getForm().getSubmit()).isEqualTo("Đăng nhập");
        for (int i = 0; i < 5; i++) {
            test(form).login(GreenMailAccounts.ALICE, "wrong");
            assertThat(form.isError()).isTrue();
            assertThat(view.shownTexts().getErrorMessage().getMessage()).isEqualTo("Sai địa chỉ thư hoặc mật khẩu.");
        }
        test(form).login(GreenMailAccounts.ALICE, GreenMailAccounts.PASSWORD);
        assertThat(view.shownTexts().getErrorMessage().getMessage()).startsWith("Quá nhiều lần đăng nhập sai");
        assertThat(UserSession.account()).isEmpty();
    }

    @Test
    void englishOnRequest() throws Exception {
        VaadinSession.getCurrent().setLocale(WebmailI18NProvider.ENGLISH);
        UI.getCurrent().setLocale(WebmailI18NProvider.ENGLISH);
        LoginView view = loginView(new LoginThrottle(Duration.ofMinutes(15), Clock.systemUTC()));
        assertThat(view.shownTexts().getForm().getSubmit()).isEqualTo("Sign in");
    }

    @Test
    void mailboxShowsVietnameseFoldersListReaderAndSpam() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("vanthu@demo.gov.vn"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailAccounts.ALICE));
        m.setSubject("Giấy mời họp", "UTF-8");
        m.setText("<p>Mời họp</p><script>alert(1)</script><img src=\"https://tracker.example/x.gif\">", "UTF-8", "html");
        m.saveChanges();
        greenMail.getUserManager().getUser(GreenMailAccounts.ALICE).deliver(m);
        MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE);
        UserSession.start(account, new UserPreferences());
        IdleManager idle = new IdleManager(Session.getInstance(new Properties()), Executors.newSingleThreadExecutor());
        try {
            MailView view = new MailView(idle, new PreferencesStore(Path.of("target/prefs-test")));
            UI.getCurrent().add(view);
            @SuppressWarnings("unchecked")
            TreeGrid<vn.govmail.webmail.mail.MailFolder> folders = $(TreeGrid.class, view).single();
            assertThat(folders.getTreeData().getRootItems()).isNotNull();
            @SuppressWarnings("unchecked")
            Grid<SearchHit> grid = (Grid<SearchHit>) $(Grid.class, view).withId("messages").single();
            assertThat(test(grid).size()).isEqualTo(1);
            assertThat(test(grid).getRow(0).message().subject()).isEqualTo("Giấy mời họp");
            assertThat(view.folderLabel(new vn.govmail.webmail.mail.MailFolder("Junk", "Junk", null,
                vn.govmail.webmail.mail.FolderRole.JUNK, 0, 0, true))).isEqualTo("Thư rác");

            java.util.function.IntSupplier inboxUnread = () -> folders.getTreeData().getRootItems().stream()
                .filter(f -> f.fullName().equals("INBOX")).findFirst().orElseThrow().unread();
            assertThat(inboxUnread.getAsInt()).isEqualTo(1);
            test(grid).clickRow(0);
            assertThat(inboxUnread.getAsInt()).isZero(); // counted down in the page, and \Seen on the server:
            assertThat(new vn.govmail.webmail.mail.FolderService(account).folders().stream()
                .filter(f -> f.fullName().equals("INBOX")).findFirst().orElseThrow().unread()).isZero();
            IFrame frame = $(IFrame.class, view).withId("mail-frame").single();
            String srcdoc = frame.getElement().getAttribute("srcdoc");
            assertThat(srcdoc).contains("Mời họp").doesNotContain("<script", "tracker.example");
            assertThat(frame.getElement().getAttribute("sandbox")).doesNotContain("allow-scripts", "allow-same-origin");

            new vn.govmail.webmail.mail.MessageActions(account).markSpam("INBOX", java.util.Set.of(test(grid).getRow(0).message().uid()));
            view.afterChange();
            assertThat(test(grid).size()).isZero();
        } finally {
            idle.stop();
            UserSession.end(VaadinSession.getCurrent());
        }
    }
}
