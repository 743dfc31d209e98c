package vn.govmail.mailserver.account.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.james.core.Domain;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import vn.govmail.mailserver.account.PasswordPolicy;

/**
 * What an import file would do, worked out without changing anything (the dry run): the accounts to create,
 * those that already exist (skipped, so re-running an import creates no duplicates) and every refused line.
 */
public record AccountImportPlan(int total, List<AccountRow> toCreate, List<AccountRow> existing, List<RowError> errors) {

    /** @param taken addresses (lower case) that are groups or aliases, with the reason ({@link TakenAddresses}) */
    public static AccountImportPlan of(Reader csv, DomainList domains, UsersRepository users, Map<String, String> taken)
            throws IOException, DomainListException, UsersRepositoryException {
        AccountCsvReader.Result parsed = AccountCsvReader.read(csv);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<AccountRow> toCreate = new ArrayList<>();
        List<AccountRow> existing = new ArrayList<>();
        Map<String, Long> firstLineOf = new HashMap<>();
        // One query for all existing accounts and one per domain, not one of each per line (10,000 lines).
        Set<String> existingAccounts = new HashSet<>();
        users.list().forEachRemaining(user -> existingAccounts.add(user.asString().toLowerCase(Locale.US)));
        Map<Domain, Boolean> ourDomains = new HashMap<>();
        for (AccountRow row : parsed.rows()) {
            String address = row.user().asString();
            Long earlier = firstLineOf.putIfAbsent(address, row.line());
            if (earlier != null) {
                errors.add(new RowError(row.line(), "email", address, "appears already on line " + earlier));
            } else if (row.user().getDomainPart().isEmpty() || !isOurs(row.user().getDomainPart().get(), domains, ourDomains)) {
                errors.add(new RowError(row.line(), "email", address, "domain is not one of ours: add it first (govmail admin domain add)"));
            } else if (row.password().flatMap(password -> PasswordPolicy.violation(row.user(), password)).isPresent()) {
                errors.add(new RowError(row.line(), "password", "(hidden)", PasswordPolicy.violation(row.user(), row.password().get()).get()));
            } else if (existingAccounts.contains(address.toLowerCase(Locale.US))) {
                existing.add(row); // before the aliases: an account with a forward is the source of a mapping too
            } else if (taken.containsKey(address.toLowerCase(Locale.ROOT))) {
                errors.add(new RowError(row.line(), "email", address, taken.get(address.toLowerCase(Locale.ROOT))));
            } else {
                toCreate.add(row);
            }
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        return new AccountImportPlan(parsed.rows().size() + parsed.errors().size(), toCreate, existing, errors);
    }

    private static boolean isOurs(Domain domain, DomainList domains, Map<Domain, Boolean> known) throws DomainListException {
        Boolean ours = known.get(domain);
        if (ours == null) {
            ours = domains.containsDomain(domain);
            known.put(domain, ours);
        }
        return ours;
    }
}
