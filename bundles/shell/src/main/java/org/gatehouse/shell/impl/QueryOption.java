package org.gatehouse.shell.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;

/**
 * The {@code --query NAME=DATASOURCE:TEXT} options of dataset-add. The query name ends at the first '=' and the data
 * source id at the first ':' after it, so the query text (SQL) may contain both.
 */
final class QueryOption {

    static final String FORM = "NAME=DATASOURCE:QUERY";

    private QueryOption() {
    }

    static List<QueryInfo> parse(List<String> options) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one --query " + FORM);
        }
        List<QueryInfo> queries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String option : options) {
            QueryInfo query = parseOne(option);
            if (!names.add(query.name())) {
                throw new IllegalArgumentException("query '" + query.name() + "' is given twice");
            }
            queries.add(query);
        }
        return queries;
    }

    private static QueryInfo parseOne(String option) {
        int eq = option.indexOf('=');
        int colon = eq < 0 ? -1 : option.indexOf(':', eq + 1);
        if (eq < 0 || colon < 0) {
            throw new IllegalArgumentException("--query takes " + FORM + ", got '" + option + "'");
        }
        String name = option.substring(0, eq).trim();
        String dataSource = option.substring(eq + 1, colon).trim();
        String text = option.substring(colon + 1).trim();
        if (name.isEmpty() || dataSource.isEmpty() || text.isEmpty()) {
            throw new IllegalArgumentException("--query needs a name, a data source and a query: " + FORM
                    + ", got '" + option + "'");
        }
        return new QueryInfo(name, dataSource, text);
    }
}
