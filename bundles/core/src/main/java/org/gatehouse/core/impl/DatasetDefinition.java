package org.gatehouse.core.impl;

import java.util.List;
import java.util.Optional;

import org.gatehouse.api.Query;

/** A dataset: named queries, each over one data source, refreshed in this order. */
record DatasetDefinition(String name, List<DatasetQuery> queries, String destination) {

    DatasetDefinition {
        queries = List.copyOf(queries);
    }

    DatasetDefinition(String name, List<DatasetQuery> queries) {
        this(name, queries, null);
    }

    Optional<DatasetQuery> query(String queryName) {
        return queries.stream().filter(q -> q.query().name().equals(queryName)).findFirst();
    }

    /** One query of a dataset and the data source it runs on. */
    record DatasetQuery(String dataSourceId, Query query) {
    }
}
