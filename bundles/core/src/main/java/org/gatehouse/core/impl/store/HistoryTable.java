package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshStatus;

/**
 * The statements on {@code refresh_history}. All of them are plain SQL that H2 2.2 and PostgreSQL 15 both run; row
 * limits use {@link Statement#setMaxRows} rather than a dialect's LIMIT.
 */
final class HistoryTable {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 2000;

    static final String INTERRUPTED_REASON = "INTERRUPTED: the gateway stopped while this refresh was running";

    private static final String COLUMNS =
            "id, dataset, requested_by, started_at, ended_at, row_count, byte_count, status, reason";
    private static final String NOT_SUCCEEDED = "status IN ('" + RefreshStatus.FAILED + "', '"
            + RefreshStatus.CANCELLED + "', '" + RefreshStatus.INTERRUPTED + "', '" + RefreshStatus.SKIPPED + "', '"
            + RefreshStatus.MISSED + "')";
    private static final String NOT_RUNNING = "status <> '" + RefreshStatus.RUNNING + "'";

    private HistoryTable() {
    }

    /** @return the new entry's id */
    static long insertRunning(Connection connection, String dataset, String requestedBy, Instant started)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO refresh_history (dataset, "
                + "requested_by, started_at, row_count, byte_count, status) VALUES (?, ?, ?, 0, 0, ?)",
                new String[] {"id"})) {
            insert.setString(1, fit(dataset, MAX_NAME));
            insert.setString(2, fit(requestedBy, MAX_NAME));
            insert.setObject(3, timestamp(started));
            insert.setString(4, RefreshStatus.RUNNING.name());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new history entry");
                }
                return keys.getLong(1);
            }
        }
    }

    static void finish(Connection connection, long id, Instant ended, RefreshStatus status, long rows, long bytes,
                       String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE refresh_history SET ended_at = ?, "
                + "row_count = ?, byte_count = ?, status = ?, reason = ? WHERE id = ?")) {
            update.setObject(1, timestamp(ended));
            update.setLong(2, rows);
            update.setLong(3, bytes);
            update.setString(4, status.name());
            update.setString(5, reason == null ? null : fit(reason, MAX_REASON));
            update.setLong(6, id);
            update.executeUpdate();
        }
    }

    /** Entries still RUNNING when the store opens belong to a gateway run that ended without finishing them. */
    static int markInterrupted(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE refresh_history SET status = ?, "
                + "ended_at = ?, reason = ? WHERE status = ?")) {
            update.setString(1, RefreshStatus.INTERRUPTED.name());
            update.setObject(2, timestamp(now));
            update.setString(3, INTERRUPTED_REASON);
            update.setString(4, RefreshStatus.RUNNING.name());
            return update.executeUpdate();
        }
    }

    static List<HistoryEntry> recent(Connection connection, String dataset, boolean failedOnly, int limit)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (dataset != null) {
            conditions.add("dataset = ?");
        }
        if (failedOnly) {
            conditions.add(NOT_SUCCEEDED);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM refresh_history"
                + where + " ORDER BY id DESC")) {
            if (dataset != null) {
                select.setString(1, dataset);
            }
            select.setMaxRows(limit);
            return entries(select);
        }
    }

    static Optional<HistoryEntry> lastFinished(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM refresh_history "
                + "WHERE dataset = ? AND " + NOT_RUNNING + " ORDER BY ended_at DESC, id DESC")) {
            select.setString(1, dataset);
            select.setMaxRows(1);
            return entries(select).stream().findFirst();
        }
    }

    /** Removes finished entries that started before {@code cutoff}. */
    static int deleteStartedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM refresh_history "
                + "WHERE started_at < ? AND " + NOT_RUNNING)) {
            delete.setObject(1, timestamp(cutoff));
            return delete.executeUpdate();
        }
    }

    /** Keeps the newest {@code max} entries of every dataset; running ones are never removed. */
    static int keepNewestPerDataset(Connection connection, int max) throws SQLException {
        int removed = 0;
        for (String dataset : datasetsWithMoreThan(connection, max)) {
            long oldestKept;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM refresh_history "
                    + "WHERE dataset = ? ORDER BY id DESC")) {
                select.setString(1, dataset);
                select.setMaxRows(max);
                try (ResultSet result = select.executeQuery()) {
                    oldestKept = Long.MAX_VALUE;
                    while (result.next()) {
                        oldestKept = result.getLong(1);
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM refresh_history "
                    + "WHERE dataset = ? AND id < ? AND " + NOT_RUNNING)) {
                delete.setString(1, dataset);
                delete.setLong(2, oldestKept);
                removed += delete.executeUpdate();
            }
        }
        return removed;
    }

    private static List<String> datasetsWithMoreThan(Connection connection, int max) throws SQLException {
        List<String> datasets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT dataset FROM refresh_history "
                + "GROUP BY dataset HAVING COUNT(*) > ?")) {
            select.setInt(1, max);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    datasets.add(result.getString(1));
                }
            }
        }
        return datasets;
    }

    private static List<HistoryEntry> entries(PreparedStatement select) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                OffsetDateTime ended = result.getObject("ended_at", OffsetDateTime.class);
                entries.add(new HistoryEntry(result.getLong("id"), result.getString("dataset"),
                        result.getString("requested_by"),
                        result.getObject("started_at", OffsetDateTime.class).toInstant(),
                        ended == null ? null : ended.toInstant(), result.getLong("row_count"),
                        result.getLong("byte_count"), RefreshStatus.valueOf(result.getString("status")),
                        result.getString("reason")));
            }
        }
        return entries;
    }

    /** Milliseconds are plenty for history, and both databases keep them exactly. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    /** Cuts text to the column's size rather than lose the whole entry to a too-long dataset name or reason. */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
