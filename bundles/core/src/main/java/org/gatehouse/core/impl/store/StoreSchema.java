package org.gatehouse.core.impl.store;

import java.util.List;

import org.gatehouse.core.impl.vault.VaultTables;

/**
 * The store's schema, as the ordered migrations that build it. Never edit a released migration: add the next one.
 */
final class StoreSchema {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "refresh history", List.of(
                    "CREATE TABLE IF NOT EXISTS refresh_history ("
                            + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            + "dataset VARCHAR(" + HistoryTable.MAX_NAME + ") NOT NULL, "
                            + "requested_by VARCHAR(" + HistoryTable.MAX_NAME + ") NOT NULL, "
                            + "started_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                            + "ended_at TIMESTAMP WITH TIME ZONE, "
                            + "row_count BIGINT NOT NULL, "
                            + "byte_count BIGINT NOT NULL, "
                            + "status VARCHAR(20) NOT NULL, "
                            + "reason VARCHAR(" + HistoryTable.MAX_REASON + "))",
                    "CREATE INDEX IF NOT EXISTS refresh_history_by_dataset ON refresh_history (dataset, id)")),
            new Migration(2, "credential vault", VaultTables.CREATE),
            new Migration(3, "notifications", NotificationTable.migration()),
            new Migration(4, "data sources and datasets", DefinitionTables.CREATE),
            new Migration(5, "refresh schedules", ScheduleTables.CREATE));

    private StoreSchema() {
    }
}
