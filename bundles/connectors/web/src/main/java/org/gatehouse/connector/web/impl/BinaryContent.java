package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * {@code format = binary}: a response body as it came, in one row of one {@code binary} column {@value #COLUMN} -
 * what Power Query's {@code Web.Contents} returns. Unlike the record formats it holds the body in memory, so the body
 * may be at most {@code maxContentBytes} long; a longer one fails rather than growing the gateway's heap.
 */
final class BinaryContent implements RowSource {

    static final String COLUMN = "Content";
    private static final Schema SCHEMA = new Schema(List.of(new Column(COLUMN, ColumnType.BINARY)));

    private final byte[] content;
    private boolean read;

    private BinaryContent(byte[] content) {
        this.content = content;
    }

    static BinaryContent read(HttpResponse<InputStream> response, WebSettings web, ScheduledExecutorService timer,
                              String queryName) throws ConnectorException {
        long limit = web.maxContentBytes();
        URI uri = response.uri();
        try (InputStream body = new TimeoutInputStream(response.body(), timer, web.readTimeout())) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new ConnectorException(Reason.QUERY_FAILED, "data source " + web.dataSourceId() + ", query "
                        + queryName + ": the response of " + WebClient.safe(uri) + " is longer than maxContentBytes="
                        + limit);
            }
            return new BinaryContent(bytes);
        } catch (IOException e) {
            throw new ConnectorException(Reason.SOURCE_UNREACHABLE, "data source " + web.dataSourceId() + ", query "
                    + queryName + ": reading the response of " + WebClient.hostOf(uri) + " failed: " + e.getMessage());
        }
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public boolean next(Object[] row) {
        if (read) {
            return false;
        }
        read = true;
        row[0] = content;
        return true;
    }

    @Override
    public void close() {
    }
}
