package org.gatehouse.core.impl.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.gatehouse.api.gateway.HistoryEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records refreshes on the store's own thread, so a refresh never waits for the database: a slow or unreachable
 * PostgreSQL must not hold up or fail refreshes. One thread runs the writes in order, so a refresh's end is always
 * written after its start.
 * <p>
 * A failing store is reported once per outage: the first failed write as a warning, the following ones at debug
 * level, and the first successful write after them at info level. Entries that could not be written are lost.
 */
final class HistoryWriter implements HistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    /** Writes queued beyond this (the store has been stuck for a long while) are dropped rather than kept in memory. */
    static final int MAX_PENDING_WRITES = 10_000;

    private final StoreConnection connection;
    private final ThreadPoolExecutor storeThread;
    private final String storeName;
    private final Consumer<HistoryEntry> ended;
    private final AtomicBoolean droppingReported = new AtomicBoolean();
    /** Only read and written on the store thread. */
    private boolean failing;

    /** @param ended told of every refresh's end on the store thread, after it was written (or failed to be) */
    HistoryWriter(StoreConnection connection, ThreadPoolExecutor storeThread, String storeName,
                  Consumer<HistoryEntry> ended) {
        this.connection = connection;
        this.storeThread = storeThread;
        this.storeName = storeName;
        this.ended = ended;
    }

    /** The id the database gave an entry; set and read on the store thread only, 0 while there is none. */
    private static final class EntryId {
        long value;
    }

    @Override
    public RecordedRefresh started(String dataset, String requestedBy, Instant started) {
        EntryId id = new EntryId();
        submit(() -> write(() -> id.value = connection.use(c -> HistoryTable.insertRunning(c, dataset, requestedBy,
                started))));
        return (endedAt, status, rows, bytes, reason) -> submit(() -> {
            if (id.value != 0) { // else its start was not written either
                write(() -> connection.use(c -> {
                    HistoryTable.finish(c, id.value, endedAt, status, rows, bytes, reason);
                    return null;
                }));
            }
            ended.accept(new HistoryEntry(id.value, dataset, requestedBy, started, endedAt, rows, bytes, status,
                    reason));
        });
    }

    private interface Write {
        void run() throws SQLException;
    }

    private void write(Write write) {
        try {
            write.run();
            if (failing) {
                failing = false;
                LOG.info("refresh history is being written to the gateway store ({}) again", storeName);
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("refresh history could not be written to the gateway store ({}): {}. Refreshes go on; "
                        + "their history is lost until the store answers again", storeName, firstLine(e.getMessage()));
            } else {
                LOG.debug("refresh history still cannot be written: {}", firstLine(e.getMessage()));
            }
        }
    }

    /** H2 appends the failed statement on further lines; the first one says what went wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).trim();
    }

    private void submit(Runnable task) {
        if (storeThread.getQueue().size() >= MAX_PENDING_WRITES) {
            reportDropping("more than " + MAX_PENDING_WRITES + " history writes are waiting for the store");
            return;
        }
        try {
            storeThread.execute(task);
        } catch (RejectedExecutionException e) {
            reportDropping("the gateway store is closed");
        }
    }

    private void reportDropping(String why) {
        if (droppingReported.compareAndSet(false, true)) {
            LOG.warn("refresh history is not recorded: {} ({})", why, storeName);
        }
    }
}
