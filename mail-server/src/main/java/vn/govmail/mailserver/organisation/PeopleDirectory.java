package vn.govmail.mailserver.organisation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

/** Reads the display names and titles of accounts ({@code govmail_account_profile}) for listings. */
public class PeopleDirectory {
    public record Person(String username, String displayName, String title) {
        /** Whether the folded query occurs in the address, the name or the title ("nguyen van a" finds "Nguyễn Văn A"). */
        public boolean matches(String queryKey) {
            return queryKey.isEmpty() || VietnameseText.searchKey(username).contains(queryKey)
                || (displayName != null && VietnameseText.searchKey(displayName).contains(queryKey))
                || (title != null && VietnameseText.searchKey(title).contains(queryKey));
        }
    }

    private final DataSource dataSource;

    @Inject
    public PeopleDirectory(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    public Map<String, Person> find(Collection<String> usernames) throws SQLException {
        Map<String, Person> people = new HashMap<>();
        for (String username : usernames) {
            people.put(username, new Person(username, null, null));
        }
        if (usernames.isEmpty()) {
            return people;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT username, display_name, title FROM govmail_account_profile WHERE username = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", usernames.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    people.put(rows.getString(1), new Person(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return people;
    }
}
