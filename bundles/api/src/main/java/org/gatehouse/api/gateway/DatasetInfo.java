package org.gatehouse.api.gateway;

import java.util.List;

/**
 * A dataset: its name, its queries in refresh order, and where results nobody asked for (a scheduled refresh's) go.
 *
 * @param destination an address on the relay, or null for the gateway's default
 *                    ({@code gatehouse.<gatewayId>.results})
 */
public record DatasetInfo(String name, List<QueryInfo> queries, String destination) {

    public DatasetInfo(String name, List<QueryInfo> queries) {
        this(name, queries, null);
    }

    /** One query of a dataset. */
    public record QueryInfo(String name, String dataSourceId, String text) {
    }
}
