package org.gatehouse.connector.excel.impl;

import java.util.Iterator;
import java.util.List;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;
import org.gatehouse.powerquery.QueryResult;

/**
 * The rows of an evaluated M query. The engine hands over the whole table (it evaluates in memory today), so this
 * source walks a list; each row is released to the caller one at a time and a cancel stops between rows.
 */
final class ResultRowSource implements RowSource {

    private final Schema schema;
    private final String failurePrefix;
    private Iterator<List<Object>> rows;
    private volatile boolean cancelled;

    ResultRowSource(QueryResult result, String failurePrefix) {
        this.schema = new Schema(result.columns());
        this.rows = result.rows().iterator();
        this.failurePrefix = failurePrefix;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        if (cancelled) {
            throw new ConnectorException(ConnectorException.Reason.CANCELLED, failurePrefix + "the read was cancelled");
        }
        if (rows == null || !rows.hasNext()) {
            return false;
        }
        List<Object> values = rows.next();
        for (int c = 0; c < row.length; c++) {
            row[c] = c < values.size() ? values.get(c) : null;
        }
        return true;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        rows = null;
    }
}
