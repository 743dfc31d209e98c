package vn.govmail.mailserver.database;

/** Where the server's PostgreSQL is and how to log in. The password is never printed by {@link #toString()}. */
public record DatabaseConnection(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
        return jdbcUrl + " as " + user;
    }
}
