package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The protocol services against a real (GreenMail) IMAP and SMTP server. */
class MailServicesTest {
    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailAccounts.server();

    private static MimeMessage mail(String from, String to, String subject, String text, Date date) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(date);
        m.saveChanges();
        return m;
    }

    private static void deliver(String to, MimeMessage message) throws Exception {
        greenMail.getUserManager().getUser(to).deliver(message);
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> GreenMailAccounts.connector(greenMail).login(GreenMailAccounts.ALICE, "wrong".toCharArray()))
            .isInstanceOf(AuthenticationFailedException.class);
    }

    /** A document's source mail is found by Message-ID, in INBOX or a folder the văn thư filed it in. */
    @Test
    void theSourceMailOfADocumentIsFoundByMessageId() throws Exception {
        MimeMessage document = mail("x@example.org", GreenMailAccounts.ALICE, "Công văn 31/SNV", "Số: 31/SNV", new Date());
        document.setHeader("Message-ID", "<cv31.snv@example.org>");
        deliver(GreenMailAccounts.ALICE, document);
        deliver(GreenMailAccounts.ALICE, mail("x@example.org", GreenMailAccounts.ALICE, "khác", "b", new Date()));
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            SourceMailLocator locator = new SourceMailLocator(account);
            SourceMailLocator.Location found = locator.find("<cv31.snv@example.org>").orElseThrow();
            assertThat(found.folder()).isEqualTo("INBOX");
            assertThat(new MessageReader(account).read("INBOX", found.uid()).subject()).isEqualTo("Công văn 31/SNV");
            new MessageActions(account).move("INBOX", Set.of(found.uid()), "Archive");
            assertThat(locator.find("cv31.snv@example.org")).map(SourceMailLocator.Location::folder).contains("Archive");
            assertThat(locator.find("<none@example.org>")).isEmpty();
            assertThat(locator.find(null)).isEmpty();
        }
    }

    @Test
    void foldersHaveRolesUnreadCountsAndCanBeCreatedRenamedDeleted() throws Exception {
        deliver(GreenMailAccounts.ALICE, mail("x@example.org", GreenMailAccounts.ALICE, "một", "a", new Date()));
        deliver(GreenMailAccounts.ALICE, mail("x@example.org", GreenMailAccounts.ALICE, "hai", "b", new Date()));
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            FolderService folders = new FolderService(account);
            List<MailFolder> list = folders.folders();
            assertThat(list).extracting(MailFolder::role).startsWith(FolderRole.INBOX)
                .contains(FolderRole.SENT, FolderRole.DRAFTS, FolderRole.TRASH, FolderRole.JUNK, FolderRole.ARCHIVE);
            assertThat(list.get(0).unread()).isEqualTo(2);

            folders.create(null, "Công văn 2026");
            assertThat(folders.folders()).extracting(MailFolder::name).contains("Công văn 2026");
            folders.rename("Công văn 2026", "Công văn đến");
            assertThat(folders.folders()).extracting(MailFolder::name).contains("Công văn đến").doesNotContain("Công văn 2026");
            folders.delete("Công văn đến");
            assertThat(folders.folders()).extracting(MailFolder::name).doesNotContain("Công văn đến");

            assertThatThrownBy(() -> folders.delete("Trash")).hasMessage("folder.error.special");
            assertThatThrownBy(() -> folders.create(null, "a.b")).hasMessage("folder.error.name");
        }
    }

    @Test
    void listPagesNewestFirstAndSortsOnTheServer() throws Exception {
        for (int i = 1; i <= 30; i++) {
            deliver(GreenMailAccounts.ALICE, mail("sender" + (31 - i) + "@example.org", GreenMailAccounts.ALICE,
                String.format("Subject %02d", i), "x".repeat(i * 10), new Date(1_700_000_000_000L + i * 60_000L)));
        }
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            MessageListService list = new MessageListService(account);
            assertThat(list.count("INBOX")).isEqualTo(30);
            List<MessageSummary> first = list.page("INBOX", MessageSort.DATE, true, 0, 10);
            assertThat(first).extracting(MessageSummary::subject).startsWith("Subject 30", "Subject 29");
            List<MessageSummary> last = list.page("INBOX", MessageSort.DATE, true, 25, 10);
            assertThat(last).hasSize(5).extracting(MessageSummary::subject).endsWith("Subject 01");
            assertThat(first).allMatch(m -> !m.seen() && !m.hasAttachment());

            assertThat(list.page("INBOX", MessageSort.SUBJECT, false, 0, 3)).extracting(MessageSummary::subject)
                .containsExactly("Subject 01", "Subject 02", "Subject 03");
            assertThat(list.page("INBOX", MessageSort.SIZE, true, 0, 1)).extracting(MessageSummary::subject).containsExactly("Subject 30");
        }
    }

    @Test
    void flagsMovesDeleteToTrashAndSpam() throws Exception {
        for (int i = 0; i < 3; i++) {
            deliver(GreenMailAccounts.ALICE, mail("x@example.org", GreenMailAccounts.ALICE, "m" + i, "body", new Date()));
        }
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            MessageListService list = new MessageListService(account);
            MessageActions actions = new MessageActions(account);
            List<MessageSummary> rows = list.page("INBOX", MessageSort.DATE, true, 0, 10);
            long a = rows.get(0).uid();
            long b = rows.get(1).uid();
            long c = rows.get(2).uid();
            actions.markSeen("INBOX", Set.of(a), true);
            actions.markFlagged("INBOX", Set.of(b), true);
            rows = list.page("INBOX", MessageSort.DATE, true, 0, 10);
            assertThat(rows.get(0).seen()).isTrue();
            assertThat(rows.get(1).flagged()).isTrue();

            actions.delete("INBOX", Set.of(a));
            actions.markSpam("INBOX", Set.of(b));
            actions.move("INBOX", Set.of(c), "Archive");
            assertThat(list.count("INBOX")).isZero();
            assertThat(list.count("Trash")).isEqualTo(1);
            assertThat(list.count("Junk")).isEqualTo(1);
            assertThat(list.count("Archive")).isEqualTo(1);

            long junk = list.page("Junk", MessageSort.DATE, true, 0, 1).get(0).uid();
            actions.markNotSpam("Junk", Set.of(junk));
            assertThat(list.count("INBOX")).isEqualTo(1);
            long trashed = list.page("Trash", MessageSort.DATE, true, 0, 1).get(0).uid();
            actions.delete("Trash", Set.of(trashed));
            assertThat(list.count("Trash")).isZero();
        }
    }

    @Test
    void readsHtmlAttachmentsAndInlineImages() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("vanthu@demo.gov.vn", "Văn thư", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailAccounts.ALICE));
        m.setSubject("Công văn số 12/UBND", "UTF-8");
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Kính gửi <b>anh</b></p><img src=\"cid:logo1\">", "UTF-8", "html");
        related.addBodyPart(html);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
        logo.setContentID("<logo1>");
        related.addBodyPart(logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(relatedPart);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName(jakarta.mail.internet.MimeUtility.encodeText("Quyết định.pdf", "UTF-8", null));
        pdf.setDisposition("attachment");
        mixed.addBodyPart(pdf);
        m.setContent(mixed);
        m.saveChanges();
        deliver(GreenMailAccounts.ALICE, m);
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            MessageSummary row = new MessageListService(account).page("INBOX", MessageSort.DATE, true, 0, 1).get(0);
            assertThat(row.hasAttachment()).isTrue();
            assertThat(row.from()).isEqualTo("Văn thư");
            MessageReader reader = new MessageReader(account);
            ReadableMessage read = reader.read("INBOX", row.uid());
            assertThat(read.subject()).isEqualTo("Công văn số 12/UBND");
            assertThat(read.html()).contains("Kính gửi");
            assertThat(read.inlineImages()).containsKey("logo1");
            assertThat(read.attachments()).singleElement().satisfies(att -> {
                assertThat(att.fileName()).isEqualTo("Quyết định.pdf");
                assertThat(att.contentType()).isEqualTo("application/pdf");
            });
            byte[] bytes = reader.attachment("INBOX", row.uid(), read.attachments().get(0).index());
            assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 test");
            assertThat(reader.rawText("INBOX", row.uid())).contains("Content-Type: multipart/mixed");
            assertThat(new MessageListService(account).page("INBOX", MessageSort.DATE, true, 0, 1).get(0).seen()).isTrue();
        }
    }

    @Test
    void sendsWithAttachmentKeepsSentCopyAndReplacesDrafts() throws Exception {
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            ComposeService compose = new ComposeService(account);
            OutgoingMessage draft = new OutgoingMessage();
            draft.to = GreenMailAccounts.BOB;
            draft.subject = "Báo cáo tháng";
            draft.body = "Nội dung";
            draft.attachments.add(new OutgoingMessage.Upload("báo cáo.txt", "text/plain", "số liệu".getBytes(StandardCharsets.UTF_8)));
            compose.saveDraft(draft, "Nguyễn Văn A");
            long firstDraft = draft.draftUid;
            compose.saveDraft(draft, "Nguyễn Văn A");
            MessageListService list = new MessageListService(account);
            assertThat(list.count("Drafts")).isEqualTo(1);
            assertThat(draft.draftUid).isNotEqualTo(firstDraft);

            compose.send(draft, "Nguyễn Văn A");
            assertThat(list.count("Drafts")).isZero();
            assertThat(list.count("Sent")).isEqualTo(1);
        }
        try (MailAccount bob = GreenMailAccounts.login(greenMail, GreenMailAccounts.BOB)) {
            MessageSummary row = new MessageListService(bob).page("INBOX", MessageSort.DATE, true, 0, 1).get(0);
            assertThat(row.subject()).isEqualTo("Báo cáo tháng");
            assertThat(row.from()).isEqualTo("Nguyễn Văn A");
            ReadableMessage read = new MessageReader(bob).read("INBOX", row.uid());
            assertThat(read.text()).isEqualTo("Nội dung");
            assertThat(read.attachments()).extracting(ReadableMessage.Attachment::fileName).containsExactly("báo cáo.txt");
        }
    }

    @Test
    void searchesSubjectSenderAndAllFolders() throws Exception {
        deliver(GreenMailAccounts.ALICE, mail("giamdoc@demo.gov.vn", GreenMailAccounts.ALICE, "Văn bản chỉ đạo", "họp", new Date()));
        deliver(GreenMailAccounts.ALICE, mail("other@example.org", GreenMailAccounts.ALICE, "Quảng cáo", "mua", new Date()));
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            SearchService search = new SearchService(account);
            assertThat(search.search(new SearchCriteria(null, null, "chỉ đạo", null, null, null, false, null)))
                .extracting(h -> h.message().subject()).containsExactly("Văn bản chỉ đạo");
            assertThat(search.search(new SearchCriteria("giamdoc", null, null, null, null, null, false, "INBOX")))
                .hasSize(1);
            // Typed without diacritics: found by the server's folding search or by the local fallback.
            assertThat(search.search(new SearchCriteria(null, null, "van ban", null, null, null, false, null)))
                .extracting(h -> h.message().subject()).containsExactly("Văn bản chỉ đạo");
            assertThat(search.search(new SearchCriteria(null, null, "chỉ đạo", null, null, null, true, null))).isEmpty();
        }
    }

    @Test
    void quotaIsReadWhenTheServerHasOne() throws Exception {
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            // GreenMail has QUOTA; with no limit set, the answer may be empty: the call must not fail either way.
            assertThat(new QuotaService(account).storage()).isNotNull();
        }
    }
}
