package org.gatehouse.core.impl.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;

/** The refresh history as the store holds it. A store that cannot be read is an error for the caller to show. */
final class StoredHistory implements RefreshHistory {

    private final StoreConnection connection;
    private final String storeName;

    StoredHistory(StoreConnection connection, String storeName) {
        this.connection = connection;
        this.storeName = storeName;
    }

    @Override
    public List<HistoryEntry> recent(String dataset, boolean failedOnly, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return read(() -> connection.use(c -> HistoryTable.recent(c, dataset, failedOnly, limit)));
    }

    @Override
    public Optional<HistoryEntry> lastFinished(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return read(() -> connection.use(c -> HistoryTable.lastFinished(c, dataset)));
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw new IllegalStateException("the refresh history cannot be read from the gateway store ("
                    + storeName + "): " + e.getMessage(), e);
        }
    }
}
