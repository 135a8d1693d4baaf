package org.gatehouse.powerquery.impl.value;

import java.util.List;

/** A cursor over rows already in memory. */
final class ListCursor implements RowCursor {

    private final List<Object[]> rows;
    private int next;

    ListCursor(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public Object[] next() {
        return next < rows.size() ? rows.get(next++) : null;
    }
}
