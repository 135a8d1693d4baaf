package org.gatehouse.scheduler.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's job store tables in the gateway store. They are created, once, from the DDL script Quartz ships for the
 * store's database (H2 or PostgreSQL): the tables are Quartz's contract with its own JDBC delegate, so its own script
 * is the one to trust, and a later Quartz that changes them ships the matching script. The store's migrations do not
 * own them for that reason.
 */
final class QuartzTables {

    /** Table names start with it; Quartz's scripts use it. */
    static final String PREFIX = "QRTZ_";
    private static final Logger LOG = LoggerFactory.getLogger(QuartzTables.class);
    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

    /** A database Quartz's job store runs on here: its script and its JDBC delegate. */
    enum Dialect {
        H2("tables_h2.sql", StdJDBCDelegate.class),
        POSTGRESQL("tables_postgres.sql", PostgreSQLDelegate.class);

        final String script;
        final Class<?> delegate;

        Dialect(String script, Class<?> delegate) {
            this.script = script;
            this.delegate = delegate;
        }

        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("H2".equalsIgnoreCase(product)) {
                return H2;
            }
            if ("PostgreSQL".equalsIgnoreCase(product)) {
                return POSTGRESQL;
            }
            throw new SQLException("scheduled refresh keeps its jobs in the gateway store, which must be H2 or "
                    + "PostgreSQL; this one is " + product);
        }
    }

    private QuartzTables() {
    }

    /** Creates the tables unless they are there; @return the store's dialect. */
    static Dialect ensure(Connection connection) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        if (exists(connection, PREFIX + "LOCKS")) {
            return dialect;
        }
        List<String> statements = statements(script(dialect));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Quartz's job store tables could not be created in the gateway store: "
                    + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.info("Quartz's job store tables created in the gateway store ({} statements of {})", statements.size(),
                dialect.script);
        return dialect;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // PostgreSQL folds unquoted names to lower case, H2 to upper case; only the store's own schema counts (a
        // PostgreSQL database may hold several gateway stores, one per schema)
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
                    new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String script(Dialect dialect) throws SQLException {
        try (InputStream in = StdJDBCDelegate.class.getClassLoader().getResourceAsStream(SCRIPTS + dialect.script)) {
            if (in == null) {
                throw new SQLException("Quartz's DDL script " + SCRIPTS + dialect.script + " is not in its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Quartz's DDL script " + dialect.script + " could not be read: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The script's statements: comment lines dropped, split at semicolons (the scripts hold no literal with one), and
     * without their DROP and COMMIT statements — nothing is dropped (the tables are only created where none are) and
     * the statements run in one transaction of ours.
     */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        script.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> text.append(line).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            String sql = part.strip();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
