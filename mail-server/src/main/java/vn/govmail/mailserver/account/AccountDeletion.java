package vn.govmail.mailserver.account;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;
import org.apache.james.sieverepository.api.ScriptSummary;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;

import reactor.core.publisher.Mono;
import vn.govmail.mailserver.administrators.AdministratorStore;
import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.quota.QuotaWarningStore;

/**
 * Deletes an account for good, after exporting its mail: first every mailbox goes to an mbox directory
 * ({@link MailboxMboxExporter}); only if that succeeds are the mailboxes, quota settings and usage, Sieve scripts,
 * aliases and group memberships pointing at it, the address's own mappings, its profile, status and administrator role removed, and
 * the account itself last.
 */
public class AccountDeletion {
    /** govmail's own per-account rows (keyed by the lower-case address). */
    private static final List<String> ACCOUNT_TABLES = List.of(
        "govmail_account_profile", "govmail_account_status", "govmail_password_change");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What a deletion would remove, shown before the admin confirms. */
    public record Plan(Username user, List<Map<String, Object>> mailboxes, long messages, long bytes, List<String> mappingsPointingHere,
                       List<String> ownMappings) {
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("user", user.asString());
            map.put("mailboxes", mailboxes);
            map.put("messages", messages);
            map.put("bytes", bytes);
            map.put("aliasesAndGroupsPointingHere", mappingsPointingHere);
            map.put("ownMappings", ownMappings);
            return map;
        }
    }

    private final UsersRepository users;
    private final MailboxManager mailboxManager;
    private final MailboxMboxExporter exporter;
    private final MaxQuotaManager maxQuotas;
    private final CurrentQuotaManager currentQuotas;
    private final UserQuotaRootResolver quotaRoots;
    private final RecipientRewriteTable rewrites;
    private final SieveRepository sieve;
    private final AccountStatusStore statuses;
    private final PasswordChangeRequirements passwordChanges;
    private final QuotaWarningStore quotaWarnings;
    private final AdministratorStore administrators;
    private final GovmailDataSource database;

    @Inject
    public AccountDeletion(UsersRepository users, MailboxManager mailboxManager, MailboxMboxExporter exporter, MaxQuotaManager maxQuotas,
                           CurrentQuotaManager currentQuotas, UserQuotaRootResolver quotaRoots, RecipientRewriteTable rewrites,
                           SieveRepository sieve, AccountStatusStore statuses, PasswordChangeRequirements passwordChanges,
                           QuotaWarningStore quotaWarnings, AdministratorStore administrators, GovmailDataSource database) {
        this.administrators = administrators;
        this.quotaWarnings = quotaWarnings;
        this.users = users;
        this.mailboxManager = mailboxManager;
        this.exporter = exporter;
        this.maxQuotas = maxQuotas;
        this.currentQuotas = currentQuotas;
        this.quotaRoots = quotaRoots;
        this.rewrites = rewrites;
        this.sieve = sieve;
        this.statuses = statuses;
        this.passwordChanges = passwordChanges;
        this.database = database;
    }

    public Plan plan(Username user) throws Exception {
        List<Map<String, Object>> mailboxes = new ArrayList<>();
        long messages = 0;
        long bytes = 0;
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            for (MailboxMetaData mailbox : mailboxes(session)) {
                long size = mailboxManager.getMailbox(mailbox.getId(), session).getMailboxCounters(session).getCount();
                mailboxes.add(Map.of("name", mailbox.getPath().getName(), "messages", size));
                messages += size;
            }
            bytes = Mono.from(currentQuotas.getCurrentStorage(quotaRoots.forUser(user))).map(QuotaSizeUsage::asLong).blockOptional().orElse(0L);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
        List<String> pointingHere = new ArrayList<>();
        mappingsTargeting(user).forEach((source, mapping) -> pointingHere.add(source.asString() + " (" + mapping.getType().name().toLowerCase() + ")"));
        List<String> own = rewrites.getStoredMappings(MappingSource.fromUser(user)).asStream().map(Mapping::asString).toList();
        return new Plan(user, mailboxes, messages, bytes, pointingHere, own);
    }

    /** Exports, then deletes. Answers where the export is; if the export fails, nothing is deleted. */
    public MailboxMboxExporter.Export delete(Username user, Path exportsDirectory) throws Exception {
        String name = user.asString().replaceAll("[^A-Za-z0-9@._-]", "_") + "-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        MailboxMboxExporter.Export export = exporter.export(user, exportsDirectory.resolve(name));

        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            List<MailboxMetaData> mailboxes = new ArrayList<>(mailboxes(session));
            mailboxes.sort(Comparator.comparing((MailboxMetaData mailbox) -> mailbox.getPath().getName().length()).reversed());
            for (MailboxMetaData mailbox : mailboxes) {
                mailboxManager.deleteMailbox(mailbox.getId(), session);
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
        QuotaRoot root = quotaRoots.forUser(user);
        maxQuotas.removeMaxStorage(root);
        maxQuotas.removeMaxMessage(root);
        Mono.from(currentQuotas.setCurrentQuotas(new QuotaOperation(root, QuotaCountUsage.count(0), QuotaSizeUsage.size(0)))).block();

        List<ScriptSummary> scripts = sieve.listScripts(user);
        if (!scripts.isEmpty()) {
            try {
                sieve.setActive(user, SieveRepository.NO_SCRIPT_NAME); // an active script cannot be deleted
            } catch (ScriptNotFoundException e) {
                // none was active
            }
            for (ScriptSummary script : scripts) {
                sieve.deleteScript(user, script.getName());
            }
        }
        for (Map.Entry<MappingSource, Mapping> pointing : mappingsTargeting(user).entrySet()) {
            rewrites.removeMapping(pointing.getKey(), pointing.getValue());
        }
        MappingSource own = MappingSource.fromUser(user);
        for (Mapping mapping : rewrites.getStoredMappings(own).asStream().toList()) {
            rewrites.removeMapping(own, mapping);
        }

        statuses.setDisabled(user, false, null);
        passwordChanges.clear(user);
        quotaWarnings.forget(user);
        administrators.revoke(user); // through the store, whose in-memory copy is checked at every request
        try (Connection connection = database.dataSource().getConnection()) {
            for (String table : ACCOUNT_TABLES) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE lower(username) = lower(?)")) {
                    delete.setString(1, user.asString());
                    delete.executeUpdate();
                }
            }
        }
        users.removeUser(user);
        return export;
    }

    private List<MailboxMetaData> mailboxes(MailboxSession session) {
        return mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(), session).collectList().block();
    }

    /** Aliases, group memberships and forwards whose target is this account (one entry per source). */
    private Map<MappingSource, Mapping> mappingsTargeting(Username user) throws Exception {
        Map<MappingSource, Mapping> found = new LinkedHashMap<>();
        for (Map.Entry<MappingSource, Mappings> entry : rewrites.getAllMappings().entrySet()) {
            entry.getValue().asStream()
                .filter(mapping -> mapping.asMailAddress().map(address -> address.asString().equalsIgnoreCase(user.asString())).orElse(false))
                .forEach(mapping -> found.put(entry.getKey(), mapping));
        }
        return found;
    }
}
