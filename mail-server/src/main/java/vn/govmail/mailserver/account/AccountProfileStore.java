package vn.govmail.mailserver.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.organisation.OrganisationStore;

/** Who an account belongs to: display name (Vietnamese), unit and title, in {@code govmail_account_profile}. */
public class AccountProfileStore {
    public record Profile(Username user, String displayName, String unit, String title) {
    }

    private final GovmailDataSource database;
    private final OrganisationStore organisation;

    @Inject
    public AccountProfileStore(GovmailDataSource database, OrganisationStore organisation) {
        this.database = database;
        this.organisation = organisation;
    }

    public void save(Profile profile) throws SQLException {
        saveAll(List.of(profile));
    }

    /** Saves many profiles in one transaction (one disk sync instead of one per account during imports). */
    public void saveAll(List<Profile> profiles) throws SQLException {
        saveProfilesOnly(profiles);
        // The unit text is also a path in the organisation tree ("Sở Nội vụ/Phòng Tổ chức"): missing units are created.
        organisation.attachByPath(profiles.stream().filter(profile -> profile.unit() != null)
            .collect(java.util.stream.Collectors.toMap(profile -> profile.user().asString(), Profile::unit, (first, second) -> second,
                java.util.LinkedHashMap::new)));
    }

    /** The profile rows alone (the baseline of bench/organisation-benchmark.sh). */
    public void saveProfilesOnly(List<Profile> profiles) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_account_profile(username, display_name, unit, title) VALUES (?, ?, ?, ?)
                 ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, unit = EXCLUDED.unit, title = EXCLUDED.title
                 """)) {
            connection.setAutoCommit(false);
            for (Profile profile : profiles) {
                upsert.setString(1, profile.user().asString());
                upsert.setString(2, profile.displayName());
                upsert.setString(3, profile.unit());
                upsert.setString(4, profile.title());
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
        }
    }
}
