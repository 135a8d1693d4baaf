package org.gatehouse.core.impl.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.AuthenticationType;

/**
 * The vault's two tables in the gateway store. Keys and secrets are stored as base64 text, never as a binary type,
 * so the same statements run on H2 and PostgreSQL. Nothing here is readable without the gateway key.
 */
public final class VaultTables {

    static final int MAX_ID = 200;

    /** The store migration that creates the tables. */
    public static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS vault_key ("
                    + "id INTEGER NOT NULL PRIMARY KEY, "
                    + "key_by_machine VARCHAR(200) NOT NULL, "
                    + "key_by_recovery VARCHAR(200), "
                    + "recovery_salt VARCHAR(100), "
                    + "recovery_iterations INTEGER, "
                    + "private_key VARCHAR(8000) NOT NULL, "
                    + "public_key VARCHAR(2000) NOT NULL, "
                    + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
            "CREATE TABLE IF NOT EXISTS vault_credentials ("
                    + "data_source VARCHAR(" + MAX_ID + ") NOT NULL PRIMARY KEY, "
                    + "auth_type VARCHAR(20) NOT NULL, "
                    + "user_name VARCHAR(1000), "
                    + "secret VARCHAR(32000), "
                    + "expires_at TIMESTAMP WITH TIME ZONE, "
                    + "signed_in_at TIMESTAMP WITH TIME ZONE NOT NULL)");

    private static final int ROW_ID = 1;

    private VaultTables() {
    }

    /** The vault's key row: every key in it is encrypted except the public one. */
    record KeyRow(String keyByMachine, String keyByRecovery, String recoverySalt, Integer recoveryIterations,
                  String privateKey, String publicKey, Instant createdAt) {
    }

    /** One data source's stored sign-in; the secret is encrypted with the gateway key. */
    record CredentialRow(String dataSource, AuthenticationType type, String user, String secret, Instant expiresAt,
                         Instant signedInAt) {
    }

    static Optional<KeyRow> keyRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT key_by_machine, key_by_recovery, recovery_salt, "
                     + "recovery_iterations, private_key, public_key, created_at FROM vault_key WHERE id = "
                     + ROW_ID)) {
            if (!result.next()) {
                return Optional.empty();
            }
            int iterations = result.getInt(4);
            return Optional.of(new KeyRow(result.getString(1), result.getString(2), result.getString(3),
                    result.wasNull() ? null : iterations, result.getString(5), result.getString(6),
                    result.getObject(7, OffsetDateTime.class).toInstant()));
        }
    }

    static void insertKeyRow(Connection connection, KeyRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vault_key (id, key_by_machine, "
                + "key_by_recovery, recovery_salt, recovery_iterations, private_key, public_key, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, ROW_ID);
            insert.setString(2, row.keyByMachine());
            insert.setString(3, row.keyByRecovery());
            insert.setString(4, row.recoverySalt());
            setInteger(insert, 5, row.recoveryIterations());
            insert.setString(6, row.privateKey());
            insert.setString(7, row.publicKey());
            insert.setObject(8, timestamp(row.createdAt()));
            insert.executeUpdate();
        }
    }

    static void updateKeyByMachine(Connection connection, String keyByMachine) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE vault_key SET key_by_machine = ? WHERE id = " + ROW_ID)) {
            update.setString(1, keyByMachine);
            update.executeUpdate();
        }
    }

    static void updateRecovery(Connection connection, String keyByRecovery, String salt, int iterations)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE vault_key SET key_by_recovery = ?, "
                + "recovery_salt = ?, recovery_iterations = ? WHERE id = " + ROW_ID)) {
            update.setString(1, keyByRecovery);
            update.setString(2, salt);
            update.setInt(3, iterations);
            update.executeUpdate();
        }
    }

    static Optional<CredentialRow> credential(Connection connection, String dataSource) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT data_source, auth_type, user_name, "
                + "secret, expires_at, signed_in_at FROM vault_credentials WHERE data_source = ?")) {
            select.setString(1, dataSource);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(credentialRow(result)) : Optional.empty();
            }
        }
    }

    static List<CredentialRow> credentials(Connection connection) throws SQLException {
        List<CredentialRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT data_source, auth_type, user_name, secret, "
                     + "expires_at, signed_in_at FROM vault_credentials ORDER BY data_source")) {
            while (result.next()) {
                rows.add(credentialRow(result));
            }
        }
        return rows;
    }

    static int countCredentials(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM vault_credentials")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Replaces a data source's sign-in; run it in a transaction (see StoreConnection#inTransaction). */
    static void putCredential(Connection connection, CredentialRow row) throws SQLException {
        deleteCredential(connection, row.dataSource());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vault_credentials "
                + "(data_source, auth_type, user_name, secret, expires_at, signed_in_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.dataSource());
            insert.setString(2, row.type().name());
            insert.setString(3, row.user());
            insert.setString(4, row.secret());
            insert.setObject(5, row.expiresAt() == null ? null : timestamp(row.expiresAt()));
            insert.setObject(6, timestamp(row.signedInAt()));
            insert.executeUpdate();
        }
    }

    static boolean deleteCredential(Connection connection, String dataSource) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM vault_credentials WHERE data_source = ?")) {
            delete.setString(1, dataSource);
            return delete.executeUpdate() > 0;
        }
    }

    private static CredentialRow credentialRow(ResultSet result) throws SQLException {
        OffsetDateTime expires = result.getObject(5, OffsetDateTime.class);
        return new CredentialRow(result.getString(1), AuthenticationType.valueOf(result.getString(2)),
                result.getString(3), result.getString(4), expires == null ? null : expires.toInstant(),
                result.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }
}
