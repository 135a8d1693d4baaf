package org.gatehouse.scheduler.impl;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultSink;

/**
 * Where a scheduled refresh's rows go for now: counted, not delivered. Delivering them to the dataset's destination
 * address on the relay is the next step of scheduled refresh; until then a scheduled refresh proves the dataset's
 * sources answer, and its history entry has the row count.
 */
final class RowCountingSink implements ResultSink {

    private long rows;

    @Override
    public void beginTable(String name, Schema schema) {
        // nothing to deliver yet
    }

    @Override
    public void row(Object[] values) {
        rows++;
    }

    @Override
    public void endTable(long rowCount) {
        // counted row by row
    }

    long rows() {
        return rows;
    }
}
