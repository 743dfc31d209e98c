package vn.govmail.eoffice.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Tokens of the client systems, in PostgreSQL. Only the SHA-256 of a token is stored: a token is 256 random bits,
 * so a plain hash is enough (no password stretching needed) and a stolen table reveals no usable token. The token
 * itself is shown once, when it is created.
 */
public class ClientTokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DDL = """
        CREATE TABLE IF NOT EXISTS eoffice_client (
            name VARCHAR(64) PRIMARY KEY,
            unit_id VARCHAR(64),
            token_sha256 CHAR(64) NOT NULL UNIQUE,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            revoked_at TIMESTAMP WITH TIME ZONE)
        """;

    private final DataSource dataSource;

    public ClientTokenStore(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(DDL);
        }
    }

    /** A new client with a fresh token (returned once, never stored in clear). A revoked name can be reused. */
    public Created create(String name, String unitId) throws SQLException {
        String token = newToken();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO eoffice_client (name, unit_id, token_sha256) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET unit_id = EXCLUDED.unit_id, token_sha256 = EXCLUDED.token_sha256,
                    created_at = now(), revoked_at = NULL
                WHERE eoffice_client.revoked_at IS NOT NULL""")) {
            statement.setString(1, name);
            statement.setString(2, unitId);
            statement.setString(3, sha256(token));
            if (statement.executeUpdate() == 0) {
                throw new ClientExists(name);
            }
        }
        return new Created(find(name).orElseThrow(), token);
    }

    public List<ClientSystem> list() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT name, unit_id, created_at, revoked_at FROM eoffice_client ORDER BY name")) {
            return read(statement);
        }
    }

    public Optional<ClientSystem> find(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT name, unit_id, created_at, revoked_at FROM eoffice_client WHERE name = ?")) {
            statement.setString(1, name);
            return read(statement).stream().findFirst();
        }
    }

    /** @return false when there is no such (unrevoked) client */
    public boolean revoke(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE eoffice_client SET revoked_at = now() WHERE name = ? AND revoked_at IS NULL")) {
            statement.setString(1, name);
            return statement.executeUpdate() == 1;
        }
    }

    /** The active client whose token this is; empty for an unknown or revoked token. */
    public Optional<ClientSystem> authenticate(String token) throws SQLException {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT name, unit_id, created_at, revoked_at FROM eoffice_client WHERE token_sha256 = ? AND revoked_at IS NULL")) {
            statement.setString(1, sha256(token.strip()));
            return read(statement).stream().findFirst();
        }
    }

    private static List<ClientSystem> read(PreparedStatement statement) throws SQLException {
        List<ClientSystem> clients = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp revoked = rows.getTimestamp(4);
                clients.add(new ClientSystem(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                    revoked == null ? null : revoked.toInstant()));
            }
        }
        return clients;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "eoc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client just created and its token, to hand over once. */
    public record Created(ClientSystem client, String token) {
    }

    /** The name is taken by an active client (revoke it first to issue a new token). */
    public static final class ClientExists extends RuntimeException {
        public ClientExists(String name) {
            super("Client '" + name + "' already exists: revoke it first to issue a new token");
        }
    }
}
