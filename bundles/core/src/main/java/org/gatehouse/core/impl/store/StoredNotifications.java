package org.gatehouse.core.impl.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notification settings and opt-outs as the store holds them, and the listeners to refreshes' ends. */
final class StoredNotifications implements NotificationStore {

    private static final Logger LOG = LoggerFactory.getLogger(StoredNotifications.class);

    private final StoreConnection connection;
    private final String storeName;
    private final Clock clock;
    private final List<Consumer<HistoryEntry>> endListeners = new CopyOnWriteArrayList<>();

    StoredNotifications(StoreConnection connection, String storeName, Clock clock) {
        this.connection = connection;
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public NotificationSettings settings() {
        return use(() -> connection.use(NotificationTable::settings));
    }

    @Override
    public void save(NotificationSettings settings) {
        use(() -> connection.use(c -> {
            NotificationTable.save(c, settings);
            return null;
        }));
    }

    @Override
    public Set<String> optedOut() {
        return use(() -> connection.use(NotificationTable::optedOut));
    }

    @Override
    public boolean isOptedOut(String dataset) {
        return use(() -> connection.use(c -> NotificationTable.isOptedOut(c, dataset)));
    }

    @Override
    public void setOptedOut(String dataset, boolean optedOut) {
        use(() -> connection.use(c -> {
            if (optedOut) {
                NotificationTable.optOut(c, dataset, clock.instant());
            } else {
                NotificationTable.optIn(c, dataset);
            }
            return null;
        }));
    }

    @Override
    public AutoCloseable onRefreshEnded(Consumer<HistoryEntry> listener) {
        endListeners.add(listener);
        return () -> endListeners.remove(listener);
    }

    /** On the store thread, after the end of a refresh was written. */
    void refreshEnded(HistoryEntry entry) {
        for (Consumer<HistoryEntry> listener : endListeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("a listener to refresh ends failed on the refresh of {}", entry.dataset(), e);
            }
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T use(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("the notification settings cannot be used in the gateway store ("
                    + storeName + "): " + e.getMessage(), e);
        }
    }
}
