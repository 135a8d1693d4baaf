package org.gatehouse.core.impl.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gatehouse.api.gateway.RefreshHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own database, open: its schema migrated, the refreshes a previous run left RUNNING marked
 * INTERRUPTED, old history removed (at start and then every hour). History is written on the store's own thread
 * ({@link HistoryWriter}) and read on the caller's.
 * <p>
 * A store that cannot be opened as it is - a corrupt or unreadable file, a schema from a newer Gatehouse - is
 * refused with a {@link StoreException} and left untouched: nothing here ever recreates a store, which would
 * silently lose its history.
 */
public final class GatewayStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStore.class);
    private static final Duration RETENTION_PERIOD = Duration.ofHours(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final StoreDataSource dataSource;
    private final StoreConnection connection;
    private final StoreSettings settings;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor storeThread;
    private final HistoryWriter writer;
    private final StoredHistory history;
    private final StoredNotifications notifications;

    private GatewayStore(StoreDataSource dataSource, StoreConnection connection, StoreSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.storeThread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-store");
            thread.setDaemon(true);
            return thread;
        });
        // after close, queued writes still run but the hourly retention does not
        storeThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.notifications = new StoredNotifications(connection, settings.description(), clock);
        this.writer = new HistoryWriter(connection, storeThread, settings.description(),
                notifications::refreshEnded);
        this.history = new StoredHistory(connection, settings.description());
    }

    /** Opens the store with the production schema. */
    public static GatewayStore open(Driver driver, StoreSettings settings, Clock clock) throws StoreException {
        return open(driver, settings, clock, StoreSchema.MIGRATIONS);
    }

    static GatewayStore open(Driver driver, StoreSettings settings, Clock clock, List<Migration> migrations)
            throws StoreException {
        Optional<Path> file = settings.h2File();
        if (file.isPresent()) {
            StoreMarker.refuseIfLost(file.get());
        }
        StoreDataSource connections = new StoreDataSource(driver, settings);
        StoreConnection connection = new StoreConnection(connections);
        try {
            int migrated = connection.use(c -> {
                try {
                    return new SchemaMigrations(migrations).migrate(c, clock, settings.description());
                } catch (StoreException e) {
                    throw new RefusedStore(e);
                }
            });
            int interrupted = connection.use(c -> HistoryTable.markInterrupted(c, clock.instant()));
            int removed = connection.use(c -> removeOldHistory(c, settings, clock.instant()));
            LOG.info("gateway store open ({}): schema version {}{}, {} interrupted refreshes marked, {} old history "
                    + "entries removed", settings.description(), migrations.size(),
                    migrated == 0 ? "" : " (" + migrated + " migrations applied)", interrupted, removed);
            file.ifPresent(created -> StoreMarker.recordCreated(created, clock.instant()));
            GatewayStore store = new GatewayStore(connections, connection, settings, clock);
            store.storeThread.scheduleWithFixedDelay(store::applyRetentionLogged, RETENTION_PERIOD.toMinutes(),
                    RETENTION_PERIOD.toMinutes(), TimeUnit.MINUTES);
            return store;
        } catch (RefusedStore e) {
            connection.close();
            throw e.refusal;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw new StoreException("the gateway store (" + settings.description() + ") cannot be opened: "
                    + e.getMessage() + ". It is left as it is, never reset: repair or restore it from a backup, "
                    + "or move it away to start with an empty store", e);
        }
    }

    /** Carries a refusal out of a {@link StoreConnection.Work}, which may only throw SQLException. */
    private static final class RefusedStore extends SQLException {
        private static final long serialVersionUID = 1L;
        private final transient StoreException refusal;

        RefusedStore(StoreException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }

    /** New connections of the store's own, for the tables others keep in it (the scheduler's Quartz tables). */
    public StoreDataSource dataSource() {
        return dataSource;
    }

    /** The store's connection, for the other tables kept in it (the credential vault's). */
    public StoreConnection connection() {
        return connection;
    }

    public RefreshHistory history() {
        return history;
    }

    public HistoryRecorder recorder() {
        return writer;
    }

    /** The data sources and datasets defined in the store. */
    public DefinitionStore definitions() {
        return new DefinitionTables(connection, clock, settings.description());
    }

    /** The datasets' refresh schedules. */
    public ScheduleStore schedules() {
        return new ScheduleTables(connection, clock, settings.description());
    }

    public NotificationStore notifications() {
        return notifications;
    }

    /**
     * Removes history older than the retention period and beyond the per-dataset maximum.
     *
     * @return the number of entries removed
     */
    public int applyRetention() throws SQLException {
        return connection.use(c -> removeOldHistory(c, settings, clock.instant()));
    }

    private static int removeOldHistory(Connection connection, StoreSettings settings, Instant now)
            throws SQLException {
        Instant cutoff = now.minus(Duration.ofDays(settings.retentionDays()));
        return HistoryTable.deleteStartedBefore(connection, cutoff)
                + HistoryTable.keepNewestPerDataset(connection, settings.maxEntriesPerDataset());
    }

    private void applyRetentionLogged() {
        try {
            int removed = applyRetention();
            if (removed > 0) {
                LOG.info("{} old refresh history entries removed", removed);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("old refresh history could not be removed from the gateway store ({}): {}; trying again in {}",
                    settings.description(), e.getMessage(), RETENTION_PERIOD);
        }
    }

    /** Waits until every history write submitted so far has been done (or has failed). */
    public void awaitWrites(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            storeThread.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Writes what is queued (waiting up to 10 s), then closes the connection. */
    @Override
    public void close() {
        storeThread.shutdown();
        try {
            if (!storeThread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the gateway store ({}) closes with history writes still waiting after {}; they are lost",
                        settings.description(), CLOSE_TIMEOUT);
                storeThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            storeThread.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }
}
