package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gatehouse.api.gateway.DatasetInfo;

/**
 * The definition tables and their statements: plain SQL that H2 and PostgreSQL both run. A query's text can be long
 * (a report's SQL), hence the wide VARCHAR that both databases take, rather than CLOB or TEXT, which only one does.
 * Every change runs in one transaction, so a data source never exists without its settings.
 */
final class DefinitionTables implements DefinitionStore {

    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 10_000;
    static final int MAX_QUERY = 1_000_000;

    static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS data_source (id VARCHAR(" + MAX_NAME + ") NOT NULL PRIMARY KEY, "
                    + "kind VARCHAR(" + MAX_NAME + ") NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
            "CREATE TABLE IF NOT EXISTS data_source_setting (data_source VARCHAR(" + MAX_NAME + ") NOT NULL, "
                    + "name VARCHAR(" + MAX_NAME + ") NOT NULL, setting_value VARCHAR(" + MAX_VALUE + ") NOT NULL, "
                    + "PRIMARY KEY (data_source, name))",
            "CREATE TABLE IF NOT EXISTS dataset (name VARCHAR(" + MAX_NAME + ") NOT NULL PRIMARY KEY, "
                    + "destination VARCHAR(" + MAX_NAME + "), created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
            "CREATE TABLE IF NOT EXISTS dataset_query (dataset VARCHAR(" + MAX_NAME + ") NOT NULL, "
                    + "position INTEGER NOT NULL, name VARCHAR(" + MAX_NAME + ") NOT NULL, "
                    + "data_source VARCHAR(" + MAX_NAME + ") NOT NULL, query_text VARCHAR(" + MAX_QUERY + ") NOT NULL, "
                    + "PRIMARY KEY (dataset, position))");

    private final StoreConnection store;
    private final Clock clock;
    private final String storeName;

    DefinitionTables(StoreConnection store, Clock clock, String storeName) {
        this.store = store;
        this.clock = clock;
        this.storeName = storeName;
    }

    @Override
    public List<StoredDataSource> dataSources() {
        return use(c -> {
            Map<String, Map<String, String>> settings = new LinkedHashMap<>();
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT data_source, name, setting_value FROM data_source_setting")) {
                while (rows.next()) {
                    settings.computeIfAbsent(rows.getString(1), id -> new TreeMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
            List<StoredDataSource> sources = new ArrayList<>();
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, kind FROM data_source ORDER BY id")) {
                while (rows.next()) {
                    sources.add(new StoredDataSource(rows.getString(1), rows.getString(2),
                            settings.getOrDefault(rows.getString(1), Map.of())));
                }
            }
            return sources;
        });
    }

    @Override
    public List<DatasetInfo> datasets() {
        return use(c -> {
            Map<String, List<DatasetInfo.QueryInfo>> queries = new TreeMap<>();
            Map<String, String> destinations = new TreeMap<>();
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT d.name, q.name, q.data_source, q.query_text, "
                         + "d.destination "
                         + "FROM dataset d LEFT JOIN dataset_query q ON q.dataset = d.name "
                         + "ORDER BY d.name, q.position")) {
                while (rows.next()) {
                    List<DatasetInfo.QueryInfo> list = queries.computeIfAbsent(rows.getString(1),
                            name -> new ArrayList<>());
                    if (rows.getString(5) != null) {
                        destinations.put(rows.getString(1), rows.getString(5));
                    }
                    if (rows.getString(2) != null) {
                        list.add(new DatasetInfo.QueryInfo(rows.getString(2), rows.getString(3), rows.getString(4)));
                    }
                }
            }
            List<DatasetInfo> datasets = new ArrayList<>();
            queries.forEach((name, list) -> datasets.add(new DatasetInfo(name, list, destinations.get(name))));
            return datasets;
        });
    }

    @Override
    public void addDataSource(StoredDataSource source) {
        inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO data_source (id, kind, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, source.id());
                insert.setString(2, source.kind());
                insert.setObject(3, clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO data_source_setting (data_source, name, setting_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> setting : source.settings().entrySet()) {
                    insert.setString(1, source.id());
                    insert.setString(2, setting.getKey());
                    insert.setString(3, setting.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public boolean removeDataSource(String id) {
        int[] removed = new int[1];
        inTransaction(c -> {
            delete(c, "DELETE FROM data_source_setting WHERE data_source = ?", id);
            removed[0] = delete(c, "DELETE FROM data_source WHERE id = ?", id);
        });
        return removed[0] > 0;
    }

    @Override
    public void addDataset(DatasetInfo dataset) {
        inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO dataset (name, destination, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, dataset.name());
                insert.setString(2, dataset.destination());
                insert.setObject(3, clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO dataset_query (dataset, position, name, "
                    + "data_source, query_text) VALUES (?, ?, ?, ?, ?)")) {
                int position = 0;
                for (DatasetInfo.QueryInfo query : dataset.queries()) {
                    insert.setString(1, dataset.name());
                    insert.setInt(2, ++position);
                    insert.setString(3, query.name());
                    insert.setString(4, query.dataSourceId());
                    insert.setString(5, query.text());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public boolean removeDataset(String name) {
        int[] removed = new int[1];
        inTransaction(c -> {
            delete(c, "DELETE FROM dataset_query WHERE dataset = ?", name);
            removed[0] = delete(c, "DELETE FROM dataset WHERE name = ?", name);
        });
        return removed[0] > 0;
    }

    private static int delete(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, key);
            return delete.executeUpdate();
        }
    }

    private interface Change {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(Change change) {
        try {
            store.inTransaction(c -> {
                change.run(c);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the definitions in the gateway store (" + storeName
                    + ") cannot be written: " + e.getMessage(), e);
        }
    }

    private <T> T use(StoreConnection.Work<T> work) {
        try {
            return store.use(work);
        } catch (SQLException e) {
            throw new IllegalStateException("the definitions in the gateway store (" + storeName
                    + ") cannot be read or written: " + e.getMessage(), e);
        }
    }
}
