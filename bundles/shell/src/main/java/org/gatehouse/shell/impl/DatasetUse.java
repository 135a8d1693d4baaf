package org.gatehouse.shell.impl;

import java.util.List;

import org.gatehouse.api.gateway.DatasetInfo;

/** Which datasets read a data source: shown next to it, so the owner sees what a change or removal affects. */
final class DatasetUse {

    private DatasetUse() {
    }

    static List<String> datasetsUsing(String dataSourceId, List<DatasetInfo> datasets) {
        return datasets.stream()
                .filter(dataset -> dataset.queries().stream().anyMatch(q -> q.dataSourceId().equals(dataSourceId)))
                .map(DatasetInfo::name).sorted().toList();
    }
}
