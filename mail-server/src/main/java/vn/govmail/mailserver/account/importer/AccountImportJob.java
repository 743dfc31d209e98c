package vn.govmail.mailserver.account.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.jpa.model.JPAUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.account.AccountProfileStore;
import vn.govmail.mailserver.account.InitialPasswords;

/**
 * Creates the accounts of an {@link AccountImportPlan} in the background with progress. Rows go in batches: the
 * passwords of a batch are hashed (PBKDF2, the dominant cost) on two workers per core, then the batch's accounts and
 * profiles are written in one transaction each ({@link BatchUserWriter}, {@link AccountProfileStore#saveAll}). A batch
 * the database refuses (an account created meanwhile) is retried one account at a time through James, so each
 * failure is counted and logged on its own. Generated initial passwords go to a result file readable only by the
 * server's user, never to the log. Default folders are created by the provisioner when each mailbox is first used.
 */
public final class AccountImportJob implements Runnable {
    public enum State { RUNNING, DONE, FAILED }

    private static final Logger LOGGER = LoggerFactory.getLogger(AccountImportJob.class);
    private static final int BATCH = 250;

    private record Prepared(AccountRow row, String password, JPAUser account) {
    }

    private final String id;
    private final AccountImportPlan plan;
    private final UsersRepository users;
    private final BatchUserWriter writer;
    private final AccountProfileStore profiles;
    private final Path resultFile;

    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Instant started = Instant.now();
    private volatile Instant finished;
    private volatile State state = State.RUNNING;
    private volatile String failure;

    AccountImportJob(String id, AccountImportPlan plan, UsersRepository users, BatchUserWriter writer, AccountProfileStore profiles,
                     Path resultFile) {
        this.id = id;
        this.plan = plan;
        this.users = users;
        this.writer = writer;
        this.profiles = profiles;
        this.resultFile = resultFile;
    }

    @Override
    public void run() {
        // Two hashing threads per core: the CPU stays busy while a thread waits for the scheduler or a page.
        ExecutorService hashing = Executors.newFixedThreadPool(2 * Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (BufferedWriter file = openResultFile(); CSVPrinter passwords = new CSVPrinter(file, CSVFormat.DEFAULT.builder()
                .setHeader("email", "password").build())) {
            List<AccountRow> rows = plan.toCreate();
            List<Future<Prepared>> next = hash(rows.subList(0, Math.min(rows.size(), BATCH)), hashing);
            for (int first = 0; first < rows.size(); first += BATCH) {
                List<Prepared> batch = collect(next);
                int following = first + BATCH;
                // The next batch hashes on the workers while this one is written.
                next = following < rows.size() ? hash(rows.subList(following, Math.min(rows.size(), following + BATCH)), hashing) : List.of();
                List<Prepared> written = write(batch);
                for (Prepared account : written) {
                    if (account.row().password().isEmpty()) {
                        passwords.printRecord(account.row().user().asString(), account.password());
                    }
                }
                passwords.flush();
                processed.addAndGet(batch.size());
            }
            state = State.DONE;
        } catch (Exception e) {
            failure = e.getMessage();
            state = State.FAILED;
            LOGGER.error("Account import {} failed", id, e);
        } finally {
            hashing.shutdownNow();
            finished = Instant.now();
            LOGGER.info("Account import {} {}: {} created, {} existing, {} refused lines, {} failures, in {} s", id, state.name().toLowerCase(),
                created.get(), plan.existing().size(), plan.errors().size(), failed.get(), Duration.between(started, finished).toSeconds());
        }
    }

    private List<Future<Prepared>> hash(List<AccountRow> rows, ExecutorService hashing) {
        List<Future<Prepared>> futures = new ArrayList<>(rows.size());
        for (AccountRow row : rows) {
            futures.add(hashing.submit(() -> {
                String password = row.password().orElseGet(InitialPasswords::generate);
                return new Prepared(row, password, writer.hash(row.user().asString(), password));
            }));
        }
        return futures;
    }

    private static List<Prepared> collect(List<Future<Prepared>> futures) throws Exception {
        List<Prepared> prepared = new ArrayList<>(futures.size());
        for (Future<Prepared> future : futures) {
            prepared.add(future.get());
        }
        return prepared;
    }

    /** Writes a batch; answers the accounts that now exist with these passwords. */
    private List<Prepared> write(List<Prepared> batch) throws Exception {
        List<Prepared> written;
        try {
            writer.insert(batch.stream().map(Prepared::account).toList());
            written = batch;
        } catch (RuntimeException e) {
            LOGGER.warn("Account import {}: a batch was refused ({}), creating its accounts one by one", id, e.getMessage());
            written = new ArrayList<>();
            for (Prepared account : batch) {
                try {
                    users.addUser(account.row().user(), account.password());
                    written.add(account);
                } catch (Exception single) {
                    failed.incrementAndGet();
                    LOGGER.warn("Account import {}: line {} ({}) could not be created: {}", id, account.row().line(),
                        account.row().user().asString(), single.getMessage());
                }
            }
        }
        profiles.saveAll(written.stream().map(account -> new AccountProfileStore.Profile(account.row().user(), account.row().displayName(),
            account.row().unit(), account.row().title())).toList());
        created.addAndGet(written.size());
        return written;
    }

    private BufferedWriter openResultFile() throws IOException {
        Files.createDirectories(resultFile.getParent());
        Files.createFile(resultFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.newBufferedWriter(resultFile, StandardCharsets.UTF_8);
    }

    public String id() {
        return id;
    }

    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("state", state.name().toLowerCase());
        status.put("toCreate", plan.toCreate().size());
        status.put("processed", processed.get());
        status.put("created", created.get());
        status.put("failed", failed.get());
        status.put("existing", plan.existing().size());
        status.put("refusedLines", plan.errors().size());
        status.put("passwordsFile", resultFile.toString());
        status.put("seconds", Duration.between(started, finished == null ? Instant.now() : finished).toMillis() / 1000.0);
        if (failure != null) {
            status.put("failure", failure);
        }
        return status;
    }
}
