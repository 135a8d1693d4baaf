package org.gatehouse.core.impl;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/** A nested read's rows that tell the lookup when they are closed, so it stops tracking them. */
final class NestedRowSource implements RowSource {

    private final RowSource rows;
    private final Runnable onClose;

    NestedRowSource(RowSource rows, Runnable onClose) {
        this.rows = rows;
        this.onClose = onClose;
    }

    @Override
    public Schema schema() {
        return rows.schema();
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        return rows.next(row);
    }

    @Override
    public java.util.List<String> warnings() {
        return rows.warnings();
    }

    @Override
    public void cancel() {
        rows.cancel();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            onClose.run();
        }
    }
}
