package vn.govmail.spamfilter.bayes;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Token statistics in PostgreSQL: {@code spam_token} (scope, token → spam/ham counts),
 * {@code spam_corpus} (scope → messages learned) and {@code spam_learned} (which message was learned as what,
 * so a message is never counted twice and a reclassification moves it from one class to the other).
 */
public final class JdbcTokenStore implements TokenStore {
    private final DataSource dataSource;

    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
        createSchema();
    }

    private void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS spam_token (scope varchar(255) NOT NULL, token varchar(200) NOT NULL,"
                    + " spam_count bigint NOT NULL DEFAULT 0, ham_count bigint NOT NULL DEFAULT 0, PRIMARY KEY (scope, token))");
            statement.execute("CREATE TABLE IF NOT EXISTS spam_corpus (scope varchar(255) PRIMARY KEY,"
                    + " spam_messages bigint NOT NULL DEFAULT 0, ham_messages bigint NOT NULL DEFAULT 0)");
            statement.execute("CREATE TABLE IF NOT EXISTS spam_learned (scope varchar(255) NOT NULL, digest char(64) NOT NULL,"
                    + " spam boolean NOT NULL, learned_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, digest))");
            // the learned message's tokens, one a line: the logistic model is refitted from them (older rows have none)
            statement.execute("ALTER TABLE spam_learned ADD COLUMN IF NOT EXISTS tokens text");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the spam filter tables", e);
        }
    }

    @Override
    public TokenCounts messageCounts(String scope) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT spam_messages, ham_messages FROM spam_corpus WHERE scope = ?")) {
            query.setString(1, scope);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new TokenCounts(rows.getLong(1), rows.getLong(2)) : TokenCounts.NONE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, TokenCounts> counts(String scope, Collection<String> tokens) {
        Map<String, TokenCounts> result = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT token, spam_count, ham_count FROM spam_token WHERE scope = ? AND token = ANY (?)")) {
            Array array = connection.createArrayOf("varchar", tokens.stream().map(JdbcTokenStore::cut).toArray());
            query.setString(1, scope);
            query.setArray(2, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), new TokenCounts(rows.getLong(2), rows.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    @Override
    public void update(Collection<String> scopes, Collection<String> tokens, boolean spam, int delta) {
        String column = spam ? "spam_count" : "ham_count";
        String messages = spam ? "spam_messages" : "ham_messages";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement corpus = connection.prepareStatement("INSERT INTO spam_corpus (scope, " + messages
                    + ") VALUES (?, GREATEST(?, 0)) ON CONFLICT (scope) DO UPDATE SET " + messages + " = GREATEST(spam_corpus."
                    + messages + " + ?, 0)");
                 PreparedStatement token = connection.prepareStatement("INSERT INTO spam_token (scope, token, " + column
                         + ") VALUES (?, ?, GREATEST(?, 0)) ON CONFLICT (scope, token) DO UPDATE SET " + column
                         + " = GREATEST(spam_token." + column + " + ?, 0)")) {
                for (String scope : scopes) {
                    corpus.setString(1, scope);
                    corpus.setInt(2, delta);
                    corpus.setInt(3, delta);
                    corpus.executeUpdate();
                    // sorted, so concurrent learners lock rows in the same order and cannot deadlock
                    for (String word : tokens.stream().map(JdbcTokenStore::cut).distinct().sorted().toList()) {
                        token.setString(1, scope);
                        token.setString(2, word);
                        token.setInt(3, delta);
                        token.setInt(4, delta);
                        token.addBatch();
                    }
                    token.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store token statistics", e);
        }
    }

    @Override
    public Optional<Boolean> learnedAs(String scope, String digest) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT spam FROM spam_learned WHERE scope = ? AND digest = ?")) {
            query.setString(1, scope);
            query.setString(2, digest);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void rememberLearned(String scope, String digest, boolean spam, Collection<String> tokens) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO spam_learned (scope, digest, spam, tokens) VALUES (?, ?, ?, ?)"
                     + " ON CONFLICT (scope, digest) DO UPDATE SET spam = EXCLUDED.spam, tokens = EXCLUDED.tokens, learned_at = now()")) {
            upsert.setString(1, scope);
            upsert.setString(2, digest);
            upsert.setBoolean(3, spam);
            // a token never contains a line break (words, header values and URL pieces are split on white space)
            upsert.setString(4, String.join("\n", tokens.stream().map(JdbcTokenStore::cut).toList()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<LogisticModel.Example> learnedMessages(String scope, int limit) {
        List<LogisticModel.Example> messages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT spam, tokens FROM (SELECT spam, tokens, digest FROM spam_learned WHERE scope = ? AND tokens IS NOT NULL"
                             + " ORDER BY learned_at DESC, digest LIMIT ?) recent ORDER BY digest")) {
            query.setString(1, scope);
            query.setInt(2, limit);
            query.setFetchSize(500);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(new LogisticModel.Example(rows.getBoolean(1), List.of(rows.getString(2).split("\n"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    private static String cut(String token) {
        return token.length() <= 200 ? token : token.substring(0, 200);
    }
}
