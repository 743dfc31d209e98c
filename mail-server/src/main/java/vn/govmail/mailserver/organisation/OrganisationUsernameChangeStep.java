package vn.govmail.mailserver.organisation;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsernameChangeTaskStep;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When an account is renamed (James's username change, used by {@code AccountRenamer}), its profile (display
 * name, title), unit, memberships in groups and role mailboxes, and last login move to the new name in one
 * transaction.
 */
public class OrganisationUsernameChangeStep implements UsernameChangeTaskStep {
    private static final String[] UPDATES = {
        "UPDATE govmail_account_profile SET username = ? WHERE username = ?",
        "UPDATE govmail_unit_member SET username = ? WHERE username = ?",
        "UPDATE govmail_group_member SET member = ? WHERE kind = 'user' AND member = ?",
        "UPDATE govmail_role_member SET member = ? WHERE member = ?",
        "UPDATE govmail_role_member SET role_address = ? WHERE role_address = ?",
        "UPDATE govmail_last_login SET username = ? WHERE username = ?",
    };

    private final DataSource dataSource;

    @Inject
    public OrganisationUsernameChangeStep(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    @Override
    public StepName name() {
        return new StepName("GovmailOrganisationUsernameChangeTaskStep");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Publisher<Void> changeUsername(Username oldUsername, Username newUsername) {
        return Mono.<Void>fromRunnable(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                for (String update : UPDATES) {
                    try (PreparedStatement statement = connection.prepareStatement(update)) {
                        statement.setString(1, newUsername.asString());
                        statement.setString(2, oldUsername.asString());
                        statement.executeUpdate();
                    }
                }
                connection.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot move the organisation data of " + oldUsername.asString(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
