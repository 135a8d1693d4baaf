package org.gatehouse.api.gateway;

import java.util.List;

/** A dataset: its name and its queries in refresh order. */
public record DatasetInfo(String name, List<QueryInfo> queries) {

    /** One query of a dataset. */
    public record QueryInfo(String name, String dataSourceId, String text) {
    }
}
