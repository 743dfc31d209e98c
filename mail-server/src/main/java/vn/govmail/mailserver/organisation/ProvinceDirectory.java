package vn.govmail.mailserver.organisation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.group.DistributionGroup;
import vn.govmail.mailserver.group.DistributionGroupStore;
import vn.govmail.mailserver.role.RoleMailboxStore;

/**
 * The province address book the webmail's compose form searches: every enabled account with its display name,
 * unit (path in the organisation tree) and title, plus distribution groups and role mailboxes, marked as such.
 * A query matches when each of its words starts a word of the name, the address or the unit path, compared
 * without diacritics and case ("nguyen van" finds "Nguyễn Văn A", "so noi vu" the people of Sở Nội vụ).
 * The entries are read from PostgreSQL at most every {@link #REFRESH} (a keystroke must not cost 10,000 rows), so a
 * new account or name shows up within that time; disabling an account hides it at once.
 */
@Singleton
public class ProvinceDirectory {
    public enum Kind { PERSON, GROUP, ROLE }

    public record Entry(String address, String displayName, String unit, String title, Kind kind) {
        public String domain() {
            return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** An entry with its search words (name first: a hit there ranks higher). */
    private record Indexed(Entry entry, String nameKey, List<String> nameWords, List<String> otherWords) {
    }

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final DataSource dataSource;
    private final UsersRepository users;
    private final AccountStatusStore status;
    private final OrganisationStore organisation;
    private final DistributionGroupStore groups;
    private final RoleMailboxStore roles;
    private final Clock clock;
    private List<Indexed> entries = List.of();
    private Instant loadedAt = Instant.MIN;

    @Inject
    public ProvinceDirectory(OrganisationSchema schema, UsersRepository users, AccountStatusStore status, OrganisationStore organisation,
                             DistributionGroupStore groups, RoleMailboxStore roles) {
        this.dataSource = schema.dataSource();
        this.users = users;
        this.status = status;
        this.organisation = organisation;
        this.groups = groups;
        this.roles = roles;
        this.clock = Clock.systemUTC();
    }

    /** At most {@code limit} entries of the given domains matching the query, best first (an empty query: by name). */
    public List<Entry> search(String query, Set<String> domains, int limit) throws SQLException, UsersRepositoryException {
        List<String> tokens = words(query);
        record Hit(Indexed indexed, int rank) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Indexed indexed : current()) {
            if (!domains.contains(indexed.entry().domain())
                || indexed.entry().kind() != Kind.GROUP && status.isDisabled(Username.of(indexed.entry().address()))) {
                continue;
            }
            int rank = rank(indexed, tokens);
            if (rank >= 0) {
                hits.add(new Hit(indexed, rank));
            }
        }
        return hits.stream()
            .sorted(Comparator.comparingInt(Hit::rank).thenComparing(hit -> hit.indexed().nameKey()).thenComparing(hit -> hit.indexed().entry().address()))
            .limit(limit).map(hit -> hit.indexed().entry()).toList();
    }

    /** -1: no match; 0: every word starts a word of the name; 1: otherwise (address, unit). */
    private static int rank(Indexed indexed, List<String> tokens) {
        boolean allInName = true;
        for (String token : tokens) {
            boolean inName = startsAWord(indexed.nameWords(), token);
            if (!inName && !startsAWord(indexed.otherWords(), token)) {
                return -1;
            }
            allInName &= inName;
        }
        return allInName ? 0 : 1;
    }

    private static boolean startsAWord(List<String> words, String token) {
        for (String word : words) {
            if (word.startsWith(token)) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<Indexed> current() throws SQLException, UsersRepositoryException {
        Instant now = clock.instant();
        if (loadedAt.plus(REFRESH).isBefore(now)) {
            entries = load();
            loadedAt = now;
        }
        return entries;
    }

    private List<Indexed> load() throws SQLException, UsersRepositoryException {
        Map<String, String[]> profiles = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username, display_name, title, unit FROM govmail_account_profile")) {
            while (rows.next()) {
                profiles.put(rows.getString(1).toLowerCase(Locale.ROOT), new String[] {rows.getString(2), rows.getString(3), rows.getString(4)});
            }
        }
        UnitTree tree = organisation.tree();
        Map<String, Long> memberships = new HashMap<>();
        organisation.allMemberships().forEach((user, unit) -> memberships.put(user.toLowerCase(Locale.ROOT), unit));
        Set<String> roleAddresses = new java.util.HashSet<>();
        roles.all().keySet().forEach(role -> roleAddresses.add(role.toLowerCase(Locale.ROOT)));

        List<Indexed> loaded = new ArrayList<>();
        for (Iterator<Username> all = users.list(); all.hasNext(); ) {
            Username user = all.next();
            String key = user.asString().toLowerCase(Locale.ROOT);
            String[] profile = profiles.getOrDefault(key, new String[3]);
            Long unitId = memberships.get(key);
            String unit = unitId == null ? profile[2] : tree.get(unitId).map(tree::path).orElse(profile[2]);
            loaded.add(index(new Entry(user.asString(), profile[0], unit, profile[1], roleAddresses.contains(key) ? Kind.ROLE : Kind.PERSON)));
        }
        for (DistributionGroup group : groups.list()) {
            loaded.add(index(new Entry(group.address(), group.displayName(), null, null, Kind.GROUP)));
        }
        return List.copyOf(loaded);
    }

    private static Indexed index(Entry entry) {
        List<String> nameWords = entry.displayName() == null ? List.of() : words(entry.displayName());
        List<String> other = new ArrayList<>(words(entry.address()));
        other.add(entry.address().toLowerCase(Locale.ROOT)); // "nguyenvana@demo" as typed
        if (entry.unit() != null) {
            other.addAll(words(entry.unit()));
        }
        String nameKey = entry.displayName() == null ? entry.address().toLowerCase(Locale.ROOT) : VietnameseText.searchKey(entry.displayName());
        return new Indexed(entry, nameKey, nameWords, other);
    }

    /** Search words: diacritics removed, lower case, split at anything that is not a letter or digit. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(VietnameseText.searchKey(text == null ? "" : text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
