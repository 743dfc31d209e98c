package vn.govmail.mailserver.account.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.james.user.api.UsersRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.account.AccountProfileStore;
import vn.govmail.mailserver.account.InitialPasswords;

/**
 * Creates the accounts of an {@link AccountImportPlan} in the background with progress. Password hashing
 * (PBKDF2) dominates, so rows are spread over one worker per core. Generated initial passwords go to a result
 * file readable only by the server's user, never to the log. Default folders are created by the provisioner
 * when each mailbox is first used.
 */
public final class AccountImportJob implements Runnable {
    public enum State { RUNNING, DONE, FAILED }

    private static final Logger LOGGER = LoggerFactory.getLogger(AccountImportJob.class);

    private final String id;
    private final AccountImportPlan plan;
    private final UsersRepository users;
    private final AccountProfileStore profiles;
    private final Path resultFile;
    private static final int PROFILE_BATCH = 500;

    private final List<AccountProfileStore.Profile> pendingProfiles = new java.util.ArrayList<>();
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Instant started = Instant.now();
    private volatile Instant finished;
    private volatile State state = State.RUNNING;
    private volatile String failure;

    AccountImportJob(String id, AccountImportPlan plan, UsersRepository users, AccountProfileStore profiles, Path resultFile) {
        this.id = id;
        this.plan = plan;
        this.users = users;
        this.profiles = profiles;
        this.resultFile = resultFile;
    }

    @Override
    public void run() {
        // More workers than cores: while some wait for their commit to reach the disk, the others hash passwords.
        int workers = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (BufferedWriter writer = openResultFile(); CSVPrinter passwords = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("email", "password").build())) {
            List<AccountRow> rows = plan.toCreate();
            List<Future<?>> chunks = new java.util.ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int first = worker;
                chunks.add(pool.submit(() -> {
                    for (int index = first; index < rows.size(); index += workers) {
                        create(rows.get(index), passwords);
                    }
                    return null;
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
            flushProfiles(true);
            state = State.DONE;
        } catch (Exception e) {
            failure = e.getMessage();
            state = State.FAILED;
            LOGGER.error("Account import {} failed", id, e);
        } finally {
            pool.shutdownNow();
            finished = Instant.now();
            LOGGER.info("Account import {} {}: {} created, {} existing, {} refused lines, {} failures, in {} s", id, state.name().toLowerCase(),
                created.get(), plan.existing().size(), plan.errors().size(), failed.get(), Duration.between(started, finished).toSeconds());
        }
    }

    private void create(AccountRow row, CSVPrinter passwords) {
        try {
            String password = row.password().orElseGet(InitialPasswords::generate);
            users.addUser(row.user(), password);
            synchronized (pendingProfiles) {
                pendingProfiles.add(new AccountProfileStore.Profile(row.user(), row.displayName(), row.unit(), row.title()));
            }
            flushProfiles(false);
            if (row.password().isEmpty()) {
                synchronized (passwords) {
                    passwords.printRecord(row.user().asString(), password);
                    passwords.flush();
                }
            }
            created.incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
            LOGGER.warn("Account import {}: line {} ({}) could not be created: {}", id, row.line(), row.user().asString(), e.getMessage());
        } finally {
            processed.incrementAndGet();
        }
    }

    /** Writes the collected profiles once enough have gathered (or at the end), one transaction per batch. */
    private void flushProfiles(boolean all) throws java.sql.SQLException {
        List<AccountProfileStore.Profile> batch;
        synchronized (pendingProfiles) {
            if (pendingProfiles.isEmpty() || (!all && pendingProfiles.size() < PROFILE_BATCH)) {
                return;
            }
            batch = List.copyOf(pendingProfiles);
            pendingProfiles.clear();
        }
        profiles.saveAll(batch);
    }

    private BufferedWriter openResultFile() throws IOException {
        Files.createDirectories(resultFile.getParent());
        Files.createFile(resultFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.newBufferedWriter(resultFile, StandardCharsets.UTF_8);
    }

    public String id() {
        return id;
    }

    public java.util.Map<String, Object> status() {
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
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
