package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Brings a store's schema up to the newest version this code knows. The {@code schema_version} table lists every
 * migration applied to the store; the ones it lacks are applied in order, in one transaction together with their
 * rows in {@code schema_version}, so an upgrade happens completely or not at all (on PostgreSQL; H2 commits each DDL
 * statement at once, which is why migrations can run again). A store at a newer version than this code knows was
 * written by a newer Gatehouse: it is refused and left untouched, never downgraded.
 */
final class SchemaMigrations {

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... in order; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    int latestVersion() {
        return migrations.size();
    }

    /**
     * @param storeName how messages name the store
     * @return the number of migrations applied now (0 when the store was up to date)
     * @throws StoreException when the store was written by a newer schema version
     */
    int migrate(Connection connection, Clock clock, String storeName) throws SQLException, StoreException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int applied = migrateInTransaction(connection, clock, storeName);
            connection.commit();
            return applied;
        } catch (SQLException | StoreException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private int migrateInTransaction(Connection connection, Clock clock, String storeName)
            throws SQLException, StoreException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new StoreException("the gateway store (" + storeName + ") has schema version " + current
                    + ", but this Gatehouse knows versions up to " + latestVersion() + ": a newer Gatehouse wrote it. "
                    + "Run that newer version, or point org.gatehouse.store at another store; this one is left as it is");
        }
        for (Migration migration : migrations.subList(current, migrations.size())) {
            apply(connection, migration, clock);
        }
        return latestVersion() - current;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            result.next();
            return result.getInt(1); // 0 for SQL NULL: an empty store
        }
    }

    private static void apply(Connection connection, Migration migration, Clock clock) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setObject(3, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MILLIS));
            insert.executeUpdate();
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
