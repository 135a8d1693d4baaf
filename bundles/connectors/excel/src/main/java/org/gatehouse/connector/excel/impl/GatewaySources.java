package org.gatehouse.connector.excel.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.DataSourceLookup;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.QueryResult;

/**
 * A workbook's {@code Sql.Database}, {@code Web.Contents} and {@code OData.Feed} served by the gateway's own sql and
 * web data sources through the core's {@link DataSourceLookup}: their hosts, databases and credentials are the
 * owner's, never the workbook's. What the lookup refuses becomes an M {@code DataSource.Error} with its reason.
 */
final class GatewaySources {

    /** Headers that would carry credentials: those come from the gateway data source, never from a workbook. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private final LookupSource lookups;

    GatewaySources(LookupSource lookups) {
        this.lookups = lookups;
    }

    QueryResult sqlQuery(String server, String database, String sql) {
        return read("Sql.Database", lookup -> lookup.openDatabase(server, database, new Query("Sql.Database", sql)));
    }

    byte[] webContents(String url, Map<String, String> headers) {
        Map<String, String> options = new TreeMap<>();
        options.put("format", "binary");
        headers.forEach((name, value) -> {
            if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new MException("Expression.Error", "Web.Contents: the " + name + " header is not sent from a "
                        + "workbook; the gateway signs in with the web data source's credentials.");
            }
            options.put("header." + name, value);
        });
        QueryResult result = read("Web.Contents", lookup -> lookup.openWeb(new Query("Web.Contents", url, options)));
        return (byte[]) result.rows().get(0).get(0);
    }

    QueryResult odataRows(String url) {
        return read("OData.Feed", lookup -> lookup.openWeb(new Query("OData.Feed", url, Map.of("format", "odata"))));
    }

    private interface Opening {
        RowSource open(DataSourceLookup lookup) throws ConnectorException;
    }

    /**
     * Every row of the nested query: M tables are values, so the engine holds them whole anyway. The lookup is
     * borrowed for this read only.
     */
    private QueryResult read(String function, Opening opening) {
        DataSourceLookup lookup = lookups.borrow();
        if (lookup == null) {
            throw new MException("DataSource.Error", "The gateway's data sources are not available to workbooks now "
                    + "(the gatehouse core's data source lookup is not running).");
        }
        try (RowSource rows = opening.open(lookup)) {
            List<List<Object>> out = new ArrayList<>();
            Object[] row = new Object[rows.schema().size()];
            while (rows.next(row)) {
                out.add(Arrays.asList(row.clone()));
            }
            return new QueryResult(function, rows.schema().columns(), out, null);
        } catch (ConnectorException e) {
            throw new MException("DataSource.Error", function + ": " + e.getMessage());
        } finally {
            lookups.giveBack(lookup);
        }
    }
}
