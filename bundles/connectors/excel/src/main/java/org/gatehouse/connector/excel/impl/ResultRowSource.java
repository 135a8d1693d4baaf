package org.gatehouse.connector.excel.impl;

import java.util.List;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.QueryStream;

/**
 * The rows of an evaluated M query, computed as the caller asks for them: a query over a large file streams from the
 * file to the relay a row at a time. A cell's M error ends the read with QUERY_FAILED; a cancel stops between rows,
 * or inside a row being computed (the evaluation is interrupted).
 */
final class ResultRowSource implements RowSource {

    private final Schema schema;
    private final String prefix;
    private final String failurePrefix;
    private QueryStream rows;
    private volatile boolean cancelled;
    /** The thread inside {@link #next}, which a cancel interrupts: computing one row may take long, or forever. */
    private Thread reading;

    /**
     * {@code prefix} names the data source and query in every error; {@code failurePrefix} precedes an M error's
     * reason and message in the exception a failing row raises.
     */
    ResultRowSource(QueryStream rows, String prefix, String failurePrefix) {
        this.schema = new Schema(rows.columns());
        this.rows = rows;
        this.prefix = prefix;
        this.failurePrefix = failurePrefix;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        if (cancelled) {
            throw new ConnectorException(ConnectorException.Reason.CANCELLED, prefix + "the read was cancelled");
        }
        if (rows == null) {
            return false;
        }
        List<Object> values;
        synchronized (this) {
            reading = Thread.currentThread();
        }
        try {
            values = rows.next();
        } catch (MException e) {
            if (cancelled) { // the evaluator stops at its next function call once interrupted
                throw new ConnectorException(ConnectorException.Reason.CANCELLED, prefix + "the read was cancelled");
            }
            throw new ConnectorException(ConnectorException.Reason.QUERY_FAILED, failurePrefix + e.reason() + ": "
                    + e.getMessage());
        } finally {
            synchronized (this) {
                reading = null;
            }
            if (cancelled) {
                Thread.interrupted(); // the interrupt was for this read only: the caller's pooled thread goes on
            }
        }
        if (cancelled) { // the row may hold a cell the interrupt cut short (an error cell loads as null)
            throw new ConnectorException(ConnectorException.Reason.CANCELLED, prefix + "the read was cancelled");
        }
        if (values == null) {
            return false;
        }
        for (int c = 0; c < row.length; c++) {
            row[c] = c < values.size() ? values.get(c) : null;
        }
        return true;
    }

    /** The query's cells whose value is an M error, delivered as null (see QueryStream#warnings). */
    @Override
    public List<String> warnings() {
        return rows == null ? List.of() : rows.warnings().stream().map(w -> prefix + w).toList();
    }

    @Override
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            if (reading != null) {
                reading.interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
