package vn.govmail.webmail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govmail.webmail.WebmailApplication;
import vn.govmail.webmail.config.WebmailSettings;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MailConnector;

/**
 * The webmail in real Chromium against the real, packaged govmail mail server: what a civil servant does
 * every day, plus a battery of hostile mails that must neither run a script nor reach the network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebmailEndToEndIT {
    private static final String ALICE = MailServerLauncher.demoUser("nguyenvana");
    private static final String BOB = MailServerLauncher.demoUser("tranthib");
    private static final String DIRECTORY_PERSON = MailServerLauncher.demoUser("phong.pn");
    private static final String FORMATTED_SUBJECT = "Trả lời: triển khai thư điện tử";
    private static final String HTML_SUBJECT = "Công văn số 125/STTTT về việc triển khai thư công vụ";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("govmail.screenshots", "target/screenshots"));
    private static MailServerLauncher server;
    private static RequestSink sink;
    private static ConfigurableApplicationContext webmail;
    private static MailConnector connector;
    private static WebDriver driver;
    private static String baseUrl;
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = MailServerLauncher.start();
        sink = new RequestSink();
        Path webmailData = Files.createTempDirectory(Path.of(System.getProperty("govmail.workDir", "target/it-work")), "webmail-");
        Map<String, Object> properties = new HashMap<>();
        // default properties rank below application.properties: set the variables it reads
        properties.put("GOVMAIL_WEBMAIL_PORT", 0);
        properties.put("GOVMAIL_WEBMAIL_BIND", "127.0.0.1");
        properties.put("GOVMAIL_DATA", webmailData.toString());
        properties.put("GOVMAIL_IMAP_PORT", server.imapPort);
        properties.put("GOVMAIL_SUBMISSION_PORT", server.submissionPort);
        properties.put("GOVMAIL_MANAGESIEVE_PORT", server.manageSievePort);
        properties.put("GOVMAIL_ADMIN_PORT", server.adminPort);
        properties.put("GOVMAIL_WEBMAIL_TRUST_CERT", server.certificate().toString());
        webmail = new SpringApplicationBuilder(WebmailApplication.class).properties(properties).run();
        baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) webmail).getWebServer().getPort() + "/";
        Map<String, String> env = new HashMap<>();
        env.put("GOVMAIL_IMAP_PORT", Integer.toString(server.imapPort));
        env.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(server.submissionPort));
        env.put("GOVMAIL_MANAGESIEVE_PORT", Integer.toString(server.manageSievePort));
        env.put("GOVMAIL_WEBMAIL_TRUST_CERT", server.certificate().toString());
        connector = new MailConnector(WebmailSettings.fromEnvironment(env));
        seedMailbox();
        importDirectoryPerson();
        Files.createDirectories(SCREENSHOTS);
        driver = chromium();
    }

    static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("webmail-chromium-");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1366,900", "--lang=vi", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (webmail != null) {
            webmail.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void seedMailbox() throws Exception {
        Session session = Session.getInstance(new Properties());
        // A Vietnamese HTML mail with an inline logo, a remote tracking image and a PDF attachment.
        MimeMessage official = new MimeMessage(session);
        official.setFrom(new InternetAddress("vanthu@demo.gov.vn", "Văn thư Sở TT&TT", "UTF-8"));
        official.setRecipient(Message.RecipientType.TO, new InternetAddress(ALICE));
        official.setSubject(HTML_SUBJECT, "UTF-8");
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<h2>Kính gửi các đơn vị</h2><p>Đề nghị <b>triển khai</b> thư điện tử công vụ trước ngày 30/11.</p>"
            + "<img src=\"cid:logo@govmail\" alt=\"logo\"><img src=\"" + sink.url("/tracker.gif") + "\">", "UTF-8", "html");
        related.addBodyPart(html);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setContent(java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), "image/png");
        logo.setContentID("<logo@govmail>");
        related.addBodyPart(logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(relatedPart);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 công văn".getBytes(StandardCharsets.UTF_8), "application/pdf");
        pdf.setFileName(MimeUtility.encodeText("Quyết định 125.pdf", "UTF-8", null));
        pdf.setDisposition("attachment");
        mixed.addBodyPart(pdf);
        official.setContent(mixed);
        official.saveChanges();

        MimeMessage advert = new MimeMessage(session);
        advert.setFrom(new InternetAddress("khuyenmai@quangcao.example"));
        advert.setRecipient(Message.RecipientType.TO, new InternetAddress(ALICE));
        advert.setSubject("Khuyến mãi lớn cuối năm", "UTF-8");
        advert.setText("Mua ngay!", "UTF-8");
        advert.saveChanges();

        String s = sink.url("");
        HOSTILE.put("XSS script", "<p>a</p><script>fetch('" + s + "/script')</script>");
        HOSTILE.put("XSS onerror", "<img src=x onerror=\"fetch('" + s + "/onerror')\">");
        HOSTILE.put("XSS javascript url", "<a id=l href=\"javascript:fetch('" + s + "/js-url')\">bấm</a>");
        HOSTILE.put("XSS svg", "<svg onload=\"fetch('" + s + "/svg')\"><image href=\"" + s + "/svg-image\"/></svg>");
        HOSTILE.put("XSS css", "<div style=\"background:url(" + s + "/css-url);width:expression(fetch('" + s + "/expr'))\">x</div>"
            + "<style>@import '" + s + "/import.css'; body{background:url(" + s + "/css-body)}</style>");
        HOSTILE.put("XSS meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=" + s + "/refresh\"><p>chờ</p>");
        HOSTILE.put("XSS form", "<form action=\"" + s + "/form\" method=post><input name=p value=1><button id=b>Gửi</button></form>"
            + "<iframe src=\"" + s + "/iframe\"></iframe><object data=\"" + s + "/object\"></object>"
            + "<link rel=stylesheet href=\"" + s + "/link.css\"><video src=\"" + s + "/video\"></video>");
        HOSTILE.put("XSS body onload", "<body onload=\"fetch('" + s + "/body')\"><img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='fetch(&quot;" + s + "/data-svg&quot;)'/>\"></body>");

        MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray());
        try (alice) {
            Folder inbox = alice.folder("INBOX");
            for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("attacker@evil.example"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(ALICE));
                m.setSubject(hostile.getKey(), "UTF-8");
                m.setText("<html><body>" + hostile.getValue() + "</body></html>", "UTF-8", "html");
                m.saveChanges();
                inbox.appendMessages(new Message[] {m});
            }
            inbox.appendMessages(new Message[] {advert, official});
        }
    }

    /** One account with name, unit and title (the demo accounts have none) for the compose autocomplete. */
    private static void importDirectoryPerson() throws Exception {
        HttpResponse<String> imported = server.admin("POST", "govmail/import/accounts",
            "email,ho_ten,don_vi,chuc_vu,mat_khau\n" + DIRECTORY_PERSON + ",Phạm Ngọc Phong,Sở Nội vụ/Văn phòng,Chánh văn phòng,"
                + MailServerLauncher.PASSWORD + "\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        String job = imported.body().replaceAll(".*\"job\":\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 120 && !server.admin("GET", "govmail/import/accounts/" + job, null).body().contains("\"state\":\"done\""); i++) {
            Thread.sleep(250);
        }
    }

    /** The text of the compose autocomplete's items (in the overlay, behind shadow roots). */
    private static String suggestionTexts() {
        return (String) js("""
            const found = [];
            const walk = root => root.querySelectorAll('*').forEach(e => {
              if (e.tagName === 'VAADIN-MULTI-SELECT-COMBO-BOX-ITEM' && e.offsetParent !== null) found.push(e.textContent.replace(/\\s+/g, ' ').trim());
              if (e.shadowRoot) walk(e.shadowRoot);
            });
            walk(document);
            return found.join(' | ');""");
    }

    private static void clickSuggestion(String text) {
        js("""
            const walk = root => { for (const e of root.querySelectorAll('*')) {
              if (e.tagName === 'VAADIN-MULTI-SELECT-COMBO-BOX-ITEM' && e.offsetParent !== null && e.textContent.includes(arguments[0])) { e.click(); return true; }
              if (e.shadowRoot && walk(e.shadowRoot)) return true; } return false; };
            return walk(document);""", text);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static By row(String text) {
        return By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), \"" + text + "\")]");
    }

    private static By readerSubject(String subject) {
        return By.xpath("//h3[@id='reader-subject' and normalize-space(.)=\"" + subject + "\"]");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void typeInto(String componentId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + componentId + " input, #" + componentId + " textarea"));
        input.sendKeys(text);
    }

    private static void login(String user, String password) {
        driver.get(baseUrl + "login");
        WebElement username = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        username.clear();
        username.sendKeys(user);
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.clear();
        pass.sendKeys(password, Keys.ENTER);
    }

    @Test
    @Order(1)
    void loginIsVietnameseRejectsAWrongPasswordAndOpensTheInbox() throws Exception {
        driver.get(baseUrl);
        waiting().until(ExpectedConditions.urlContains("/login"));
        waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Đăng nhập", "Địa chỉ thư", "Mật khẩu");
        screenshot("01-login");

        login(ALICE, "wrong-password");
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Sai địa chỉ thư hoặc mật khẩu"));

        login(ALICE, MailServerLauncher.PASSWORD);
        waitFor(By.id("messages"));
        waitFor(row(HTML_SUBJECT));
        String folders = waitFor(By.id("folders")).getText();
        assertThat(folders).contains("Hộp thư đến", "Đã gửi", "Thư nháp", "Thùng rác", "Thư rác", "Lưu trữ");
        screenshot("02-inbox");
    }

    @Test
    @Order(2)
    void readsAVietnameseHtmlMailInASandboxAndDownloadsItsAttachment() throws Exception {
        waitFor(row(HTML_SUBJECT)).click();
        WebElement frame = waitFor(By.id("mail-frame"));
        assertThat(frame.getDomAttribute("sandbox")).doesNotContain("allow-scripts").doesNotContain("allow-same-origin");
        assertThat(waitFor(By.id("reader-subject")).getText()).isEqualTo(HTML_SUBJECT);
        assertThat(driver.findElement(By.id("reader")).getText()).contains("Văn thư Sở TT&TT", "Quyết định 125.pdf");
        driver.switchTo().frame(frame);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Kính gửi các đơn vị", "triển khai");
        Boolean logoLoaded = (Boolean) js("var i=document.querySelector('img[alt=logo]'); return i!=null && i.complete && i.naturalWidth>0;");
        driver.switchTo().defaultContent();
        assertThat(logoLoaded).as("inline cid: image shown").isTrue();
        assertThat(sink.requests).as("remote image blocked until allowed").isEmpty();
        screenshot("03-read-html");

        WebElement attachment = driver.findElement(By.cssSelector("#attachments a.attachment"));
        String href = attachment.getDomProperty("href");
        String cookie = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + cookie).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 công văn");

        driver.findElement(By.id("show-images")).click();
        waiting().until(d -> !sink.requests.isEmpty());
        assertThat(sink.requests).containsExactly("GET /tracker.gif");
        sink.requests.clear();

        // "Show images" was for this message only: opened again, the tracker is blocked again.
        reopen("Khuyến mãi lớn cuối năm", HTML_SUBJECT);
        Thread.sleep(500);
        assertThat(sink.requests).as("per-message consent is not remembered").isEmpty();
        // "Always show images from this sender": remembered in the preferences, for every later message of that sender.
        waitFor(By.id("always-show-images")).click();
        waiting().until(d -> !sink.requests.isEmpty());
        sink.requests.clear();
        reopen("Khuyến mãi lớn cuối năm", HTML_SUBJECT);
        waitFor(By.id("images-trusted"));
        waiting().until(d -> !sink.requests.isEmpty());
        assertThat(sink.requests).containsExactly("GET /tracker.gif");
        sink.requests.clear();

        // Revoked in Settings: blocked again.
        driver.findElement(By.id("settings")).click();
        WebElement senders = waitFor(By.id("image-senders"));
        assertThat(senders.getText()).contains("vanthu@demo.gov.vn");
        js("arguments[0].scrollIntoView(); arguments[0].click();", senders.findElement(By.cssSelector(".image-sender-revoke")));
        js("arguments[0].click();", driver.findElement(By.id("settings-save"))); // the tall dialog's footer may be below the window
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("settings-dialog")));
        reopen("Khuyến mãi lớn cuối năm", HTML_SUBJECT);
        waitFor(By.id("show-images"));
        Thread.sleep(500);
        assertThat(sink.requests).as("after revoking, nothing is loaded before consent").isEmpty();
    }

    private static void reopen(String other, String subject) {
        waitFor(row(other)).click();
        waitFor(readerSubject(other));
        waitFor(row(subject)).click();
        waitFor(readerSubject(subject));
        waitFor(By.id("mail-frame"));
    }

    @Test
    @Order(3)
    void hostileMailsRunNoScriptAndMakeNoRequest() throws Exception {
        for (String subject : HOSTILE.keySet()) {
            waitFor(row(subject)).click();
            waitFor(readerSubject(subject));
            WebElement frame = waitFor(By.id("mail-frame"));
            driver.switchTo().frame(frame);
            for (WebElement clickable : driver.findElements(By.cssSelector("a, button"))) {
                try {
                    clickable.click(); // javascript: links and form buttons must do nothing
                } catch (RuntimeException ignored) {
                    // not clickable: fine
                }
            }
            driver.switchTo().defaultContent();
            Thread.sleep(300);
            assertThat(sink.requests).as("requests after rendering '%s'", subject).isEmpty();
            assertThat(driver.getWindowHandles()).hasSize(1);
        }
        screenshot("04-hostile-mail");
        Thread.sleep(1000);
        assertThat(sink.requests).isEmpty();
    }

    @Test
    @Order(4)
    void composesWithAnAttachmentThatReachesTheRecipientsInbox() throws Exception {
        driver.findElement(By.id("compose")).click();
        waitFor(By.id("compose-dialog"));
        // The province directory (mail server's user API), typed without diacritics, with unit and title shown.
        typeInto("compose-to", "so noi vu");
        waiting().until(d -> suggestionTexts().contains("Phạm Ngọc Phong"));
        assertThat(suggestionTexts()).contains("Sở Nội vụ/Văn phòng · Chánh văn phòng");
        screenshot("05-compose-directory");
        clickSuggestion("Phạm Ngọc Phong");
        WebElement toInput = waitFor(By.cssSelector("#compose-to input"));
        if (!toInput.getDomProperty("value").isEmpty()) { // the typed filter, if the field kept it (backspace on empty removes a chip)
            toInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        typeInto("compose-to", BOB + Keys.ENTER);
        typeInto("compose-subject", "Báo cáo tuần 47");
        typeInto("compose-body", "Kính gửi chị,\nEm gửi báo cáo tuần.");
        Path file = Files.createTempFile("bao-cao-", ".txt");
        Files.writeString(file, "Số liệu tuần 47", StandardCharsets.UTF_8);
        WebElement upload = waitFor(By.id("compose-upload"));
        WebElement fileInput = (WebElement) js("return arguments[0].querySelector('input[type=file]') || "
            + "(arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('input[type=file]'));", upload);
        fileInput.sendKeys(file.toString());
        // the upload is complete (the server has the file) when its vaadin-upload-file is marked complete
        waiting().until(d -> (Boolean) js("const u = arguments[0]; const q = 'vaadin-upload-file[complete]';"
            + "return !!(u.querySelector(q) || (u.shadowRoot && u.shadowRoot.querySelector(q))"
            + " || [...u.querySelectorAll('*')].some(e => e.shadowRoot && e.shadowRoot.querySelector(q)));", upload));
        screenshot("05-compose");
        driver.findElement(By.id("compose-send")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("compose-dialog")));

        MailAccount bob = connector.login(BOB, MailServerLauncher.PASSWORD.toCharArray());
        try (bob) {
            Message received = null;
            for (int i = 0; i < 120 && received == null; i++) {
                Folder inbox = bob.folder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message m : inbox.getMessages()) {
                    if ("Báo cáo tuần 47".equals(m.getSubject())) {
                        received = m;
                        assertThat(String.join(", ", m.getHeader("To"))).as("the directory entry went into To").contains(DIRECTORY_PERSON);
                        assertThat(((MimeMultipart) m.getContent()).getCount()).isEqualTo(2);
                        MimeBodyPart att = (MimeBodyPart) ((MimeMultipart) m.getContent()).getBodyPart(1);
                        assertThat(MimeUtility.decodeText(att.getFileName())).isEqualTo(file.getFileName().toString());
                        assertThat(new String(att.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Số liệu tuần 47");
                    }
                }
                inbox.close(false);
                if (received == null) {
                    Thread.sleep(250);
                }
            }
            assertThat(received).as("the mail reached Bob's INBOX").isNotNull();
        }
        MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray());
        try (alice) {
            Folder sent = alice.folder("Sent");
            sent.open(Folder.READ_ONLY);
            assertThat(sent.getMessages()).extracting(Message::getSubject).contains("Báo cáo tuần 47");
            sent.close(false);
        }
    }

    @Test
    @Order(5)
    void repliesInFormattedTextSentAsHtmlAndPlainText() throws Exception {
        waitFor(row(HTML_SUBJECT)).click();
        waitFor(readerSubject(HTML_SUBJECT));
        waitFor(By.id("reply")).click();
        waitFor(By.id("compose-dialog"));
        js("arguments[0].querySelector('input').click();", waitFor(By.id("compose-format")));
        WebElement editor = waitFor(By.cssSelector("#compose-editor .ql-editor"));
        waiting().until(d -> editor.getText().contains("Kính gửi các đơn vị"));
        assertThat(editor.findElements(By.tagName("blockquote"))).as("the reply's quote, as block quotes").isNotEmpty();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "b"), "Đồng ý triển khai", Keys.chord(Keys.CONTROL, "b"), " trước ngày 30/11.");
        waiting().until(d -> !editor.findElements(By.tagName("strong")).isEmpty());
        WebElement subject = waitFor(By.cssSelector("#compose-subject input"));
        subject.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        subject.sendKeys(FORMATTED_SUBJECT); // not "Công văn…": the search test below counts those
        screenshot("06-compose-formatted");
        driver.findElement(By.id("compose-send")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("compose-dialog")));

        MailAccount vanthu = connector.login(MailServerLauncher.demoUser("vanthu"), MailServerLauncher.PASSWORD.toCharArray());
        try (vanthu) {
            MimeMultipart alternative = null;
            for (int i = 0; i < 120 && alternative == null; i++) {
                Folder inbox = vanthu.folder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message m : inbox.getMessages()) {
                    if (FORMATTED_SUBJECT.equals(m.getSubject())) {
                        assertThat(m.isMimeType("multipart/alternative")).as(m.getContentType()).isTrue();
                        alternative = (MimeMultipart) m.getContent();
                        assertThat(alternative.getCount()).isEqualTo(2);
                        String plain = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"); // MIME text lines end in CRLF
                        String html = (String) alternative.getBodyPart(1).getContent();
                        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
                        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
                        assertThat(plain).contains("Đồng ý triển khai trước ngày 30/11.", "> Kính gửi các đơn vị\n> Đề nghị").doesNotContain("<strong>");
                        assertThat(html).containsPattern("<(strong|b)>Đồng ý triển khai</(strong|b)>").contains("<blockquote>", "Kính gửi các đơn vị<br>")
                            .doesNotContain("<script", "ql-", "&nbsp;");
                    }
                }
                inbox.close(false);
                if (alternative == null) {
                    Thread.sleep(250);
                }
            }
            assertThat(alternative).as("the formatted reply reached vanthu's INBOX").isNotNull();
        }
    }

    @Test
    @Order(6)
    void searchesWithoutDiacritics() throws Exception {
        WebElement search = waitFor(By.cssSelector("#quick-search input"));
        search.sendKeys("cong van", Keys.ENTER);
        try {
            waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Kết quả tìm kiếm: 1 thư"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-search");
            throw new AssertionError("page: " + driver.findElement(By.tagName("body")).getText(), e);
        }
        waitFor(row(HTML_SUBJECT));
        assertThat(driver.findElement(By.id("messages")).getText()).doesNotContain("Khuyến mãi lớn cuối năm");
        screenshot("06-search");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
        waitFor(row("Khuyến mãi lớn cuối năm"));
    }

    @Test
    @Order(7)
    void spamButtonMovesTheMessageToJunk() throws Exception {
        waitFor(row("Khuyến mãi lớn cuối năm")).click();
        waitFor(readerSubject("Khuyến mãi lớn cuối năm"));
        js("document.getElementById('spam').click()");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(row("Khuyến mãi lớn cuối năm")));
        MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray());
        try (alice) {
            Folder junk = alice.folder("Junk");
            junk.open(Folder.READ_ONLY);
            assertThat(junk.getMessages()).extracting(Message::getSubject).contains("Khuyến mãi lớn cuối năm");
            assertThat(junk.getMessages()[0].isSet(Flags.Flag.SEEN)).isTrue();
            junk.close(false);
        }
    }

    @Test
    @Order(8)
    void quarantinedMailIsPreviewedAsTextAndReleasedIntoTheInboxOnce() throws Exception {
        String subject = "Bảng lương tháng 11 có macro";
        // through port 25 as another mail server would: the macro-enabled sheet makes the filter quarantine it
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(server.smtpPort));
        smtp.put("mail.smtp.localhost", "mail.doitac.example");
        Session outside = Session.getInstance(smtp);
        MimeMessage m = new MimeMessage(outside);
        m.setFrom(new InternetAddress("ketoan@doitac.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(ALICE));
        m.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Gửi chị <b>bảng lương</b></p><img src=\"" + sink.url("/quarantine-tracker.gif") + "\"><script>fetch('"
            + sink.url("/quarantine-script") + "')</script>", "UTF-8", "html");
        mixed.addBodyPart(html);
        MimeBodyPart sheet = new MimeBodyPart();
        sheet.setContent("PK not really".getBytes(StandardCharsets.US_ASCII), "application/vnd.ms-excel.sheet.macroEnabled.12");
        sheet.setFileName("luong.xlsm");
        sheet.setDisposition("attachment");
        mixed.addBodyPart(sheet);
        m.setContent(mixed);
        m.saveChanges();
        jakarta.mail.Transport.send(m);

        waitFor(By.id("nav-quarantine"));
        js("document.getElementById('nav-quarantine').click()");
        waitFor(By.id("quarantine-list"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            if (!d.findElements(row(subject)).isEmpty()) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        assertThat(driver.findElement(By.id("quarantine-view")).getText()).contains("Thư cách ly", "ketoan@doitac.example", "ATTACH_MACRO_OFFICE");
        waitFor(row(subject)).click();
        WebElement text = waitFor(By.id("quarantine-text"));
        assertThat(text.getText()).contains("Gửi chị bảng lương");
        assertThat(driver.findElement(By.id("quarantine-headers")).getText()).contains("luong.xlsm");
        assertThat(driver.findElements(By.cssSelector("#quarantine-preview b, #quarantine-preview script, #quarantine-preview img"))).isEmpty();
        screenshot("08-quarantine");

        js("document.getElementById('quarantine-release').click()");
        By confirm = By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']");
        waiting().until(d -> !d.findElements(confirm).isEmpty());
        js("arguments[0].click()", driver.findElement(confirm));
        waitFor(By.id("quarantine-empty"));
        waiting().until(d -> d.findElement(By.id("quarantine-empty")).getText().contains("Không có thư nào bị cách ly"));
        assertThat(sink.requests).noneMatch(request -> request.contains("/quarantine"));

        MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray());
        try (alice) {
            long copies = 0;
            for (int i = 0; i < 60 && copies == 0; i++) {
                Thread.sleep(500);
                copies = inboxCopies(alice, subject);
            }
            Thread.sleep(1500);   // a second copy would have arrived by now
            assertThat(inboxCopies(alice, subject)).isEqualTo(1);
        }
        js("document.getElementById('quarantine-back').click()");
        waitFor(By.id("messages"));
    }

    private static long inboxCopies(MailAccount account, String subject) throws Exception {
        Folder inbox = account.folder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            long n = 0;
            for (Message message : inbox.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    n++;
                }
            }
            return n;
        } finally {
            inbox.close(false);
        }
    }

    @Test
    @Order(9)
    void newMailAppearsWithoutReloadAndThePhoneLayoutWorks() throws Exception {
        MailAccount vanthu = connector.login(MailServerLauncher.demoUser("vanthu"), MailServerLauncher.PASSWORD.toCharArray());
        try (vanthu) {
            MimeMessage m = new MimeMessage(vanthu.session());
            m.setFrom(new InternetAddress(MailServerLauncher.demoUser("vanthu")));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(ALICE));
            m.setSubject("Giấy mời họp giao ban", "UTF-8");
            m.setText("Mời anh dự họp lúc 8h.", "UTF-8");
            m.saveChanges();
            try (var transport = vanthu.transport()) {
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        waitFor(row("Giấy mời họp giao ban"));
        driver.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(500);
        screenshot("07-phone");
        driver.manage().window().setSize(new Dimension(1366, 900));
        js("document.getElementById('logout').click()");
        waiting().until(ExpectedConditions.urlContains("/login"));

        // the quarantine digest's link: login first, then the quarantine view (not the inbox)
        driver.get(baseUrl + "quarantine");
        waiting().until(ExpectedConditions.urlContains("/login"));
        login(ALICE, MailServerLauncher.PASSWORD);
        waitFor(By.id("quarantine-view"));
        waiting().until(ExpectedConditions.urlContains("/quarantine"));
    }

    /**
     * The eOffice views: a document mail arrives at a unit's document address (the unit made with the admin REST
     * API), the văn thư finds it under "Văn bản đến", registers it (số đến 1), opens its source mail, presents it to
     * a leader; the leader logs in, sees it and records the direction. Each step checked on the server too.
     */
    @Test
    @Order(10)
    void theClerkRegistersAndPresentsADocumentAndTheLeaderDirectsIt() throws Exception {
        String clerk = MailServerLauncher.demoUser("vanthu");
        assertThat(admin("PUT", "govmail/eoffice/units/ubnd-tinh", """
            {"name": "Văn phòng UBND tỉnh", "documentAddress": "%s", "clerkMailbox": "%s"}""".formatted(clerk, clerk)).statusCode())
            .isEqualTo(200);
        // the urgency only in the subject tag: recorded with a low confidence, so the form asks to check it
        String subject = "[KHẨN] Công văn 31/SNV-TCBC về rà soát biên chế";
        MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray());
        try (alice) {
            MimeMessage m = new MimeMessage(alice.session());
            m.setFrom(new InternetAddress(ALICE));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(clerk));
            m.setSubject(subject, "UTF-8");
            m.setText("""
                UBND TỈNH LAI CHÂU
                SỞ NỘI VỤ
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số: 31/SNV-TCBC
                Lai Châu, ngày 14 tháng 11 năm 2026
                V/v rà soát biên chế công chức năm 2027
                Đề nghị các đơn vị rà soát biên chế và báo cáo trước ngày 30/11/2026.
                GIÁM ĐỐC
                Lò Thị Mai
                """, "UTF-8");
            m.saveChanges();
            try (var transport = alice.transport()) {
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        long id = awaitDocument("ubnd-tinh");

        // the văn thư: the list, the document, register → số đến 1, the source mail, present to Bob
        driver.manage().deleteAllCookies();   // a fresh browser session, whoever the earlier tests left logged in
        login(clerk, MailServerLauncher.PASSWORD);
        waitFor(By.id("nav-documents")).click();
        waitFor(documentRow("31/SNV-TCBC"));
        assertThat(driver.findElement(By.id("documents")).getText()).contains("Chờ tiếp nhận", "Khẩn");
        screenshot("08-documents");
        waitFor(documentRow("31/SNV-TCBC")).click();
        waitFor(By.id("doc-register"));
        assertThat(driver.findElement(By.cssSelector("#doc-field-CodeNotation input")).getDomProperty("value")).isEqualTo("SNV-TCBC");
        assertThat(driver.findElement(By.id("doc-metadata")).getText()).contains("Độ tin cậy");
        assertThat(driver.findElement(By.cssSelector("#doc-field-Priority .doc-check")).getText()).isEqualTo("Kiểm tra");
        assertThat(driver.findElements(By.cssSelector("#doc-field-CodeNumber .doc-check"))).isEmpty();
        assertThat(driver.findElements(By.id("doc-direct"))).as("no direction before presenting").isEmpty();
        screenshot("09-document");
        // saving the form confirms the field marked "Kiểm tra": confidence 1, the mark is gone
        js("document.getElementById('doc-save').click()");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#doc-field-Priority .doc-check")));
        assertThat(admin("GET", "govmail/eoffice/documents/" + id, null).body()).contains("\"Priority\":1.0");
        js("document.getElementById('doc-register').click()");
        waiting().until(ExpectedConditions.textToBe(By.id("doc-arrival-number"), "Số đến: 1"));
        // the register, downloaded from the list as the văn thư's browser would
        js("document.getElementById('back-to-documents').click()");
        String href = waitFor(By.id("doc-export-csv")).getDomProperty("href");
        HttpResponse<String> register = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
            .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue()).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(register.body()).contains("31/SNV-TCBC");
        waitFor(documentRow("31/SNV-TCBC")).click();
        waitFor(By.id("doc-present")).click();
        typeInto("doc-input-leader", BOB);
        driver.findElement(By.id("doc-dialog-confirm")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("doc-state"), "Đã trình"));
        assertThat(driver.findElement(By.id("doc-history")).getText()).contains(clerk, "Vào sổ", "Trình lãnh đạo");
        screenshot("10-document-presented");
        String state = admin("GET", "govmail/eoffice/documents/" + id, null).body();
        assertThat(state).contains("\"state\":\"da-trinh\"", "\"leader\":\"" + BOB + "\"", "\"arrivalNumber\":1");
        waitFor(By.id("doc-open-mail"));
        js("document.getElementById('doc-open-mail').click()"); // a success notification may cover it
        waitFor(readerSubject(subject));
        js("document.getElementById('logout').click()");
        waiting().until(ExpectedConditions.urlContains("/login"));

        // the leader: sees the presented document and gives the direction
        login(BOB, MailServerLauncher.PASSWORD);
        waitFor(By.id("nav-documents")).click();
        waitFor(documentRow("31/SNV-TCBC")).click();
        waitFor(By.id("doc-direct"));
        assertThat(driver.findElements(By.id("doc-register"))).isEmpty();
        assertThat(driver.findElements(By.id("doc-save"))).as("only the văn thư corrects").isEmpty();
        driver.findElement(By.id("doc-direct")).click();
        typeInto("doc-input-direction", "Giao phòng Tổ chức biên chế chủ trì, báo cáo trước 30/11");
        typeInto("doc-input-lead", ALICE);
        driver.findElement(By.id("doc-dialog-confirm")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("doc-state"), "Đang xử lý"));
        assertThat(driver.findElement(By.id("doc-workflow")).getText()).contains("Giao phòng Tổ chức biên chế chủ trì", ALICE);
        screenshot("11-document-directed");
        String history = admin("GET", "govmail/eoffice/documents/" + id + "/history", null).body();
        assertThat(history).contains("\"actor\":\"" + BOB + "\",\"action\":\"direct\"");
        driver.get(baseUrl);
        waitFor(By.id("logout"));
        js("document.getElementById('logout').click()");
        waiting().until(ExpectedConditions.urlContains("/login"));
    }

    /**
     * The admin console: an ordinary user sees no "Quản trị" and is refused at /admin; the demo IT administrator
     * creates an account with name and title, sees its one-time password, finds it in the list by its name without
     * accents; the server audited the creation as the administrator; the new account logs in over IMAP.
     */
    @Test
    @Order(11)
    void theAdministratorCreatesAnAccountThatCanLogInOverImap() throws Exception {
        driver.manage().deleteAllCookies();   // a fresh browser session, whoever the earlier tests left logged in
        login(ALICE, MailServerLauncher.PASSWORD);
        waitFor(By.id("logout"));
        assertThat(driver.findElements(By.id("nav-admin"))).as("not an administrator: no entry").isEmpty();
        driver.get(baseUrl + "admin");
        assertThat(waitFor(By.id("admin-refused")).getText()).contains("không có quyền quản trị");
        assertThat(driver.findElements(By.id("admin-account-create"))).isEmpty();
        driver.manage().deleteAllCookies();

        String created = MailServerLauncher.demoUser("lovanmoi");
        login(MailServerLauncher.demoUser("postmaster"), MailServerLauncher.PASSWORD);
        waitFor(By.id("nav-admin")).click();
        waitFor(By.id("admin-account-create")).click();
        typeInto("admin-new-address", created);
        typeInto("admin-new-name", "Lò Văn Mới");
        typeInto("admin-new-title", "Chuyên viên Phòng CNTT");
        driver.findElement(By.id("admin-new-submit")).click();
        String password = waitFor(By.id("admin-new-password")).getText().strip();
        assertThat(password).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        screenshot("12-admin-new-password");
        driver.findElement(By.id("admin-password-close")).click();
        typeInto("admin-account-search", "lo van moi");
        // the list is filtered on the server once the typing pauses: wait for that before choosing the row
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//vaadin-grid[@id='admin-accounts']//vaadin-grid-cell-content[contains(., \"" + ALICE + "\")]")));
        waitFor(By.xpath("//vaadin-grid[@id='admin-accounts']//vaadin-grid-cell-content[contains(., \"" + created + "\")]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-account-details"), "Chuyên viên Phòng CNTT"));
        screenshot("13-admin-accounts");

        String audit = admin("GET", "govmail/audit?limit=20&path=lovanmoi", null).body();
        assertThat(audit).contains("\"actor\":\"admin:" + MailServerLauncher.demoUser("postmaster") + "\"", "/users/" + created);
        try (MailAccount account = connector.login(created, password.toCharArray())) {
            assertThat(account.store().getFolder("INBOX").exists()).isTrue();
            assertThat(account.store().getFolder("Sent").exists()).as("default folders made").isTrue();
        }
        js("document.getElementById('admin-back').click()");
        waitFor(By.id("logout"));
        js("document.getElementById('logout').click()");
        waiting().until(ExpectedConditions.urlContains("/login"));
    }

    /** A cell of the document list (not of the mail list, whose notice mails name the same document). */
    private static By documentRow(String text) {
        return By.xpath("//vaadin-grid[@id='documents']//vaadin-grid-cell-content[contains(normalize-space(.), \"" + text + "\")]");
    }

    private static long awaitDocument(String unit) throws Exception {
        for (int i = 0; i < 240; i++) {
            String list = admin("GET", "govmail/eoffice/documents?unit=" + unit, null).body();
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list);
            if (id.find()) {
                return Long.parseLong(id.group(1));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no document recorded for unit " + unit);
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        String token = Files.readString(server.data.resolve("admin-token"), StandardCharsets.UTF_8).strip();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort + "/" + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
