package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;

/**
 * The statements on {@code notification_settings} (one row, id 1, absent until the owner configures something) and
 * {@code notification_opt_out} (one row per dataset whose notifications are off: every other dataset, including one
 * defined later, is on). Plain SQL both H2 2.2 and PostgreSQL 15 run.
 */
final class NotificationTable {

    static final int MAX_HOST = 255;
    static final int MAX_ADDRESS = 320;
    static final int MAX_RECIPIENTS = 4000;
    private static final int SETTINGS_ROW = 1;

    private NotificationTable() {
    }

    static List<String> migration() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS notification_settings ("
                        + "id INT PRIMARY KEY, "
                        + "smtp_host VARCHAR(" + MAX_HOST + "), "
                        + "smtp_port INT NOT NULL, "
                        + "from_address VARCHAR(" + MAX_ADDRESS + "), "
                        // recipients joined by commas: an address the gateway accepts never contains one
                        + "recipients VARCHAR(" + MAX_RECIPIENTS + ") NOT NULL, "
                        + "security VARCHAR(10) NOT NULL, "
                        + "smtp_user VARCHAR(" + MAX_ADDRESS + "))",
                "CREATE TABLE IF NOT EXISTS notification_opt_out ("
                        + "dataset VARCHAR(" + HistoryTable.MAX_NAME + ") PRIMARY KEY, "
                        + "opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }

    static NotificationSettings settings(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT smtp_host, smtp_port, from_address, recipients, security, "
                     + "smtp_user FROM notification_settings WHERE id = " + SETTINGS_ROW)) {
            if (!row.next()) {
                return NotificationSettings.NONE;
            }
            String recipients = row.getString(4);
            return new NotificationSettings(row.getString(1), row.getInt(2), row.getString(3),
                    recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
                    SmtpSecurity.valueOf(row.getString(5)), row.getString(6));
        }
    }

    /** Replaces the settings row; the caller has checked that every value fits. */
    static void save(Connection connection, NotificationSettings settings) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notification_settings SET smtp_host = ?, "
                + "smtp_port = ?, from_address = ?, recipients = ?, security = ?, smtp_user = ? WHERE id = ?")) {
            bind(update, settings);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_settings (smtp_host, "
                + "smtp_port, from_address, recipients, security, smtp_user, id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, settings);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, NotificationSettings settings) throws SQLException {
        statement.setString(1, settings.smtpHost());
        statement.setInt(2, settings.smtpPort());
        statement.setString(3, settings.from());
        statement.setString(4, String.join(",", settings.recipients()));
        statement.setString(5, settings.security().name());
        statement.setString(6, settings.smtpUser());
        statement.setInt(7, SETTINGS_ROW);
    }

    static Set<String> optedOut(Connection connection) throws SQLException {
        Set<String> datasets = new TreeSet<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT dataset FROM notification_opt_out")) {
            while (rows.next()) {
                datasets.add(rows.getString(1));
            }
        }
        return datasets;
    }

    static boolean isOptedOut(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM notification_opt_out WHERE dataset = ?")) {
            select.setString(1, dataset);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void optOut(Connection connection, String dataset, Instant now) throws SQLException {
        if (isOptedOut(connection, dataset)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notification_opt_out (dataset, opted_out_at) VALUES (?, ?)")) {
            insert.setString(1, dataset);
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    static void optIn(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM notification_opt_out WHERE dataset = ?")) {
            delete.setString(1, dataset);
            delete.executeUpdate();
        }
    }
}
