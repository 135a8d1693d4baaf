package org.gatehouse.core.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultSink;

/** Remembers the tables it was sent; counts 8 bytes delivered per row; fails like a lost relay when told to. */
final class RecordingSink implements ResultSink {

    static final int BYTES_PER_ROW = 8;

    final List<String> events = new ArrayList<>();
    long rows;
    long failAfterRows = -1;
    private String table;

    @Override
    public void beginTable(String name, Schema schema) {
        table = name;
        events.add("begin " + name);
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (rows == failAfterRows) {
            throw new IOException("relay gone");
        }
        rows++;
    }

    @Override
    public void endTable(long rowCount) {
        events.add("end " + table + " " + rowCount);
    }

    @Override
    public long bytesDelivered() {
        return rows * BYTES_PER_ROW;
    }
}
