package vn.govmail.mailserver.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import vn.govmail.mailserver.database.GovmailDataSource;

/** Per-domain DKIM keys (RSA 2048) in PostgreSQL, cached in memory for the signing mailet. */
@Singleton
public class DkimKeyStore {
    public static final String DEFAULT_SELECTOR = "govmail";

    private final GovmailDataSource database;
    private final ConcurrentMap<String, Optional<DkimKey>> cache = new ConcurrentHashMap<>();

    @Inject
    public DkimKeyStore(GovmailDataSource database) {
        this.database = database;
    }

    /** Creates a new key for the domain, replacing any previous one (key rotation). */
    public DkimKey generate(String domain, String selector) throws SQLException {
        String normalized = domain.toLowerCase(Locale.ROOT);
        KeyPair pair = newKeyPair();
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_dkim_key(domain, selector, private_key_pkcs8, public_key_spki) VALUES (?, ?, ?, ?)
                 ON CONFLICT (domain) DO UPDATE SET selector = EXCLUDED.selector, private_key_pkcs8 = EXCLUDED.private_key_pkcs8,
                     public_key_spki = EXCLUDED.public_key_spki, created_at = now()
                 """)) {
            upsert.setString(1, normalized);
            upsert.setString(2, selector);
            upsert.setString(3, privateKey);
            upsert.setString(4, publicKey);
            upsert.executeUpdate();
        }
        cache.remove(normalized);
        return new DkimKey(normalized, selector, pair.getPrivate(), publicKey);
    }

    public Optional<DkimKey> find(String domain) {
        String normalized = domain.toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(normalized, this::load);
    }

    private Optional<DkimKey> load(String domain) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT selector, private_key_pkcs8, public_key_spki FROM govmail_dkim_key WHERE domain = ?")) {
            select.setString(1, domain);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DkimKey(domain, row.getString(1), privateKey(row.getString(2)), row.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the DKIM key of " + domain + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored DKIM key is not a valid RSA key", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }
}
