package vn.govmail.webmail.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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
 * Not a test (no assertion on time): the benchmark of docs/webmail.md. A 10,000-message INBOX on the real
 * mail server; in Chromium: login → first rows shown, open a message, search. Baseline in the same run: the
 * same server work done by a bare IMAP client (SELECT + FETCH of 50 envelopes; SEARCH SUBJECT).
 * Run: bench/webmail-benchmark.sh
 */
class WebmailBenchmark {
    private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
    private static final int ROUNDS = 5;
    /** Searched subjects: numbers 70 % down the folder (a search must not only find the newest). */
    private static final int SEARCHED = MESSAGES * 7 / 10;
    private static final int SEEDERS = Integer.getInteger("bench.seeders", 4);

    @Test
    void benchmark() throws Exception {
        try (MailServerLauncher server = MailServerLauncher.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("GOVMAIL_IMAP_PORT", Integer.toString(server.imapPort));
            env.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(server.submissionPort));
            env.put("GOVMAIL_WEBMAIL_TRUST_CERT", server.certificate().toString());
            MailConnector connector = new MailConnector(WebmailSettings.fromEnvironment(env));
            String user = MailServerLauncher.demoUser("nguyenvana");
            long seedStart = System.nanoTime();
            // IMAP APPEND is one message per command and one mailbox transaction (PostgreSQL commit + search-index
            // update) per message on the server: one connection leaves the server mostly waiting on the round trip,
            // so SEEDERS connections append their share of the messages side by side (what several clients do).
            java.util.concurrent.ExecutorService seeders = java.util.concurrent.Executors.newFixedThreadPool(SEEDERS);
            List<java.util.concurrent.Future<?>> seeded = new ArrayList<>();
            for (int s = 0; s < SEEDERS; s++) {
                int first = s;
                seeded.add(seeders.submit(() -> {
                    seed(connector, user, first);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> done : seeded) {
                done.get();
            }
            seeders.shutdown();
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            List<Double> imapList = new ArrayList<>();
            List<Double> imapSearch = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                try (MailAccount account = connector.login(user, MailServerLauncher.PASSWORD.toCharArray())) {
                    long t0 = System.nanoTime();
                    Folder inbox = account.folder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    int count = inbox.getMessageCount();
                    Message[] top = inbox.getMessages(count - 49, count);
                    jakarta.mail.FetchProfile fp = new jakarta.mail.FetchProfile();
                    fp.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
                    inbox.fetch(top, fp);
                    imapList.add((System.nanoTime() - t0) / 1e6);
                    long t1 = System.nanoTime();
                    inbox.search(new jakarta.mail.search.SubjectTerm("số " + (SEARCHED + r) + "/UBND"));
                    imapSearch.add((System.nanoTime() - t1) / 1e6);
                    inbox.close(false);
                }
            }

            Path data = Files.createTempDirectory(Path.of(System.getProperty("govmail.workDir", "target/it-work")), "bench-webmail-");
            Map<String, Object> properties = new HashMap<>();
            properties.put("GOVMAIL_WEBMAIL_PORT", 0);
            properties.put("GOVMAIL_WEBMAIL_BIND", "127.0.0.1");
            properties.put("GOVMAIL_DATA", data.toString());
            properties.put("GOVMAIL_IMAP_PORT", server.imapPort);
            properties.put("GOVMAIL_SUBMISSION_PORT", server.submissionPort);
            properties.put("GOVMAIL_WEBMAIL_TRUST_CERT", server.certificate().toString());
            List<Double> firstRender = new ArrayList<>();
            List<Double> open = new ArrayList<>();
            List<Double> search = new ArrayList<>();
            long heapPerSession;
            try (ConfigurableApplicationContext webmail = new SpringApplicationBuilder(WebmailApplication.class).properties(properties).run()) {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) webmail).getWebServer().getPort() + "/";
                WebDriver driver = WebmailEndToEndIT.chromium();
                try {
                    // polled every 10 ms: Selenium's default of 500 ms would round every timing up by up to half a second
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10));
                    long heapBefore = usedHeap();
                    for (int r = 0; r < ROUNDS; r++) {
                        driver.manage().deleteAllCookies();
                        driver.get(base + "login");
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(user);
                        long t0 = System.nanoTime();
                        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(MailServerLauncher.PASSWORD, Keys.ENTER);
                        // the first rows of the list (4 seeding connections interleave, so not necessarily number MESSAGES)
                        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Công văn số ")));
                        firstRender.add((System.nanoTime() - t0) / 1e6);

                        org.openqa.selenium.WebElement row = driver.findElements(cell("Công văn số ")).get(2 + r);
                        java.util.regex.Matcher number = java.util.regex.Pattern.compile("Công văn số \\d+/UBND").matcher(row.getText());
                        String subject = number.find() ? number.group() : "Công văn số ";
                        long t1 = System.nanoTime();
                        // rows arrive from 4 seeding connections interleaved: the row may sit at the window's edge
                        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
                        row.click();
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h3[@id='reader-subject' and contains(., \"" + subject + "\")]")));
                        open.add((System.nanoTime() - t1) / 1e6);

                        String wanted = "Công văn số " + (SEARCHED + r) + "/UBND";
                        long t2 = System.nanoTime();
                        driver.findElement(By.cssSelector("#advanced-search")).click();
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-subject input"))).sendKeys("số " + (SEARCHED + r) + "/UBND");
                        driver.findElement(By.id("search-go")).click();
                        wait.until(ExpectedConditions.visibilityOfElementLocated(cell(wanted)));
                        search.add((System.nanoTime() - t2) / 1e6);
                    }
                    heapPerSession = (usedHeap() - heapBefore) / ROUNDS;
                } finally {
                    driver.quit();
                }
            }
            String report = String.format("""
                webmail benchmark: %d messages in INBOX (seeded by IMAP APPEND on %d connections in %.0f s, %.0f messages/s), median of %d rounds
                  login -> first list rows visible (Chromium): %6.0f ms   baseline IMAP SELECT+FETCH 50 ENVELOPE: %6.0f ms
                  open a message (click -> shown):            %6.0f ms
                  search subject (all folders, dialog -> rows): %6.0f ms   baseline IMAP SEARCH SUBJECT (INBOX):   %6.0f ms
                  webmail heap growth per login session (rough, after GC): %d KB
                """, MESSAGES, SEEDERS, seedSeconds, MESSAGES / seedSeconds, ROUNDS, median(firstRender), median(imapList), median(open),
                median(search), median(imapSearch), heapPerSession / 1024);
            System.out.println(report);
            Files.writeString(Path.of("target/webmail-benchmark.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /** Appends the messages i = first+1, first+1+SEEDERS, ... (in batches of 100 APPEND commands on one connection). */
    private static void seed(MailConnector connector, String user, int first) throws Exception {
        try (MailAccount account = connector.login(user, MailServerLauncher.PASSWORD.toCharArray())) {
            Folder inbox = account.folder("INBOX");
            List<Message> batch = new ArrayList<>();
            for (int i = first + 1; i <= MESSAGES; i += SEEDERS) {
                MimeMessage m = new MimeMessage(account.session());
                m.setFrom(new InternetAddress("donvi" + (i % 97) + "@demo.gov.vn", "Đơn vị " + (i % 97), "UTF-8"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(user));
                m.setSubject("Công văn số " + i + "/UBND về việc báo cáo tháng " + (i % 12 + 1), "UTF-8");
                m.setSentDate(new java.util.Date(1_700_000_000_000L + i * 60_000L)); // the newest message has the highest number
                m.setText("Kính gửi anh, văn bản số " + i + ".\n" + "Nội dung ".repeat(50), "UTF-8");
                m.saveChanges();
                batch.add(m);
                if (batch.size() == 100 || i + SEEDERS > MESSAGES) {
                    inbox.appendMessages(batch.toArray(Message[]::new));
                    batch.clear();
                }
            }
        }
    }

    private static By cell(String text) {
        return By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), \"" + text + "\")]");
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
