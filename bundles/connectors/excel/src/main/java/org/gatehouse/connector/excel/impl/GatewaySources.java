package org.gatehouse.connector.excel.impl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        return readBinary("Web.Contents", url, webOptions(headers));
    }

    /**
     * {@code Web.Contents} with {@code Content}: a POST through the web data source, whose connector sends text
     * bodies, so the content must be UTF-8 text (JSON, form data, XML), which is what workbooks post. A
     * {@code Content-Type} header becomes the request's content type.
     */
    byte[] webPost(String url, Map<String, String> headers, byte[] content) {
        Map<String, String> options = webOptions(headers);
        String contentType = null;
        for (String key : List.copyOf(options.keySet())) {
            if (key.equalsIgnoreCase("header.Content-Type")) {
                contentType = options.remove(key);
            }
        }
        options.put("method", "POST");
        options.put("body", utf8(content));
        options.put("contentType", contentType == null ? "application/octet-stream" : contentType);
        return readBinary("Web.Contents", url, options);
    }

    private byte[] readBinary(String function, String url, Map<String, String> options) {
        QueryResult result = read(function, lookup -> lookup.openWeb(new Query(function, url, options)));
        return (byte[]) result.rows().get(0).get(0);
    }

    private static Map<String, String> webOptions(Map<String, String> headers) {
        Map<String, String> options = new TreeMap<>();
        options.put("format", "binary");
        headers.forEach((name, value) -> {
            if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new MException("Expression.Error", "Web.Contents: the " + name + " header is not sent from a "
                        + "workbook; the gateway signs in with the web data source's credentials.");
            }
            options.put("header." + name, value);
        });
        return options;
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new MException("Expression.Error", "Web.Contents: the Content is not UTF-8 text; the gateway's web "
                    + "data sources post text bodies only.");
        }
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
