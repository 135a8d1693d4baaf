package org.gatehouse.shell.impl;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultSink;

/**
 * Where a refresh started from the shell streams its rows: nowhere. It counts them, so the owner can check that a
 * dataset refreshes and how fast, without a service on the other side of the relay. The refresh thread is the only
 * writer; the shell thread reads the count to show progress.
 */
final class CountingSink implements ResultSink {

    // volatile, not atomic: the refresh thread is the only writer
    private volatile long rows;

    @Override
    public void beginTable(String name, Schema schema) {
    }

    @Override
    public void row(Object[] values) {
        rows++;
    }

    @Override
    public void endTable(long rowCount) {
    }

    long rows() {
        return rows;
    }
}
