package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.Timing;

/**
 * The {@code schedule} table (migration 5): one row per scheduled dataset. A weekly timing keeps its days
 * ({@code MON,TUE}) and times ({@code 08:00,12:30}) as text, a cron timing its expression; both their IANA zone.
 * Plain SQL that H2 and PostgreSQL both run.
 */
final class ScheduleTables implements ScheduleStore {

    static final int MAX_DATASET = DefinitionTables.MAX_NAME;
    static final int MAX_CRON = 500;
    /** Every minute of a day, "HH:MM," each: no cap on the times a day. */
    static final int MAX_TIMES = 24 * 60 * 6;
    private static final String WEEKLY = "WEEKLY";
    private static final String CRON = "CRON";
    private static final String COLUMNS = "dataset, kind, days, times_of_day, cron, zone, misfire, enabled, "
            + "consecutive_failures";

    static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS schedule (dataset VARCHAR(" + MAX_DATASET + ") NOT NULL PRIMARY KEY, "
                    + "kind VARCHAR(10) NOT NULL, days VARCHAR(80), times_of_day VARCHAR(" + MAX_TIMES + "), "
                    + "cron VARCHAR(" + MAX_CRON + "), zone VARCHAR(100) NOT NULL, misfire VARCHAR(20) NOT NULL, "
                    + "enabled BOOLEAN NOT NULL, consecutive_failures INTEGER NOT NULL, "
                    + "last_slot_at TIMESTAMP WITH TIME ZONE, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");

    private final StoreConnection store;
    private final Clock clock;
    private final String storeName;

    ScheduleTables(StoreConnection store, Clock clock, String storeName) {
        this.store = store;
        this.clock = clock;
        this.storeName = storeName;
    }

    @Override
    public List<DatasetSchedule> schedules() {
        return use(c -> {
            List<DatasetSchedule> schedules = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM schedule ORDER BY dataset");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    schedules.add(read(rows));
                }
            }
            return schedules;
        });
    }

    @Override
    public Optional<DatasetSchedule> schedule(String dataset) {
        return use(c -> select(c, dataset));
    }

    @Override
    public void save(DatasetSchedule schedule) {
        inTransaction(c -> {
            Optional<Instant> lastSlot = selectLastSlot(c, schedule.dataset());
            delete(c, schedule.dataset());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO schedule (" + COLUMNS
                    + ", updated_at, last_slot_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, schedule.dataset());
                if (schedule.timing() instanceof Timing.Weekly weekly) {
                    insert.setString(2, WEEKLY);
                    insert.setString(3, weekly.days().stream().sorted().map(DayOfWeek::name)
                            .collect(Collectors.joining(",")));
                    insert.setString(4, weekly.times().stream().map(LocalTime::toString)
                            .collect(Collectors.joining(",")));
                    insert.setString(5, null);
                } else {
                    insert.setString(2, CRON);
                    insert.setString(3, null);
                    insert.setString(4, null);
                    insert.setString(5, ((Timing.Cron) schedule.timing()).expression());
                }
                insert.setString(6, schedule.timing().zone().getId());
                insert.setString(7, schedule.misfire().name());
                insert.setBoolean(8, schedule.enabled());
                insert.setInt(9, schedule.consecutiveFailures());
                insert.setObject(10, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setObject(11, lastSlot.map(slot -> OffsetDateTime.ofInstant(slot, ZoneOffset.UTC))
                        .orElse(null));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean remove(String dataset) {
        return use(c -> delete(c, dataset) > 0);
    }

    @Override
    public Optional<DatasetSchedule> addFailure(String dataset) {
        return use(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE schedule SET consecutive_failures = "
                    + "consecutive_failures + 1, updated_at = ? WHERE dataset = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                update.setString(2, dataset);
                update.executeUpdate();
            }
            return select(c, dataset);
        });
    }

    @Override
    public Optional<Instant> lastSlot(String dataset) {
        return use(c -> selectLastSlot(c, dataset));
    }

    @Override
    public void recordSlot(String dataset, Instant slot) {
        use(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE schedule SET last_slot_at = ? WHERE dataset = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
                update.setString(2, dataset);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordSlots(Map<String, Instant> slots) {
        if (slots.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    // never backwards: a slot written late must not undo a later one (or a schedule set since)
                    "UPDATE schedule SET last_slot_at = ? WHERE dataset = ? "
                            + "AND (last_slot_at IS NULL OR last_slot_at < ?)")) {
                for (Map.Entry<String, Instant> slot : slots.entrySet()) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(slot.getValue(), ZoneOffset.UTC);
                    update.setObject(1, at);
                    update.setString(2, slot.getKey());
                    update.setObject(3, at);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    private static Optional<Instant> selectLastSlot(Connection c, String dataset) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_slot_at FROM schedule WHERE dataset = ?")) {
            select.setString(1, dataset);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                OffsetDateTime slot = row.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(slot).map(OffsetDateTime::toInstant);
            }
        }
    }

    private static int delete(Connection c, String dataset) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM schedule WHERE dataset = ?")) {
            delete.setString(1, dataset);
            return delete.executeUpdate();
        }
    }

    private static Optional<DatasetSchedule> select(Connection c, String dataset) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM schedule WHERE dataset = ?")) {
            select.setString(1, dataset);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static DatasetSchedule read(ResultSet row) throws SQLException {
        ZoneId zone = ZoneId.of(row.getString(6));
        Timing timing;
        if (WEEKLY.equals(row.getString(2))) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            Arrays.stream(row.getString(3).split(",")).map(DayOfWeek::valueOf).forEach(days::add);
            timing = Timing.Weekly.of(days, Arrays.stream(row.getString(4).split(",")).map(LocalTime::parse)
                    .toList(), zone);
        } else {
            timing = new Timing.Cron(row.getString(5), zone);
        }
        return new DatasetSchedule(row.getString(1), timing, MisfirePolicy.valueOf(row.getString(7)),
                row.getBoolean(8), row.getInt(9));
    }

    private <T> T inTransaction(StoreConnection.Work<T> work) {
        try {
            return store.inTransaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("the schedules cannot be used in the gateway store (" + storeName + "): "
                    + e.getMessage(), e);
        }
    }

    private <T> T use(StoreConnection.Work<T> work) {
        try {
            return store.use(work);
        } catch (SQLException e) {
            throw new IllegalStateException("the schedules cannot be used in the gateway store (" + storeName + "): "
                    + e.getMessage(), e);
        }
    }
}
