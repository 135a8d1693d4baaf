package org.gatehouse.powerquery.impl.value;

/**
 * One enumeration of a table's rows: {@link #next()} hands out rows until it returns null. A cursor over a file holds
 * the file open, so whoever opens one closes it, also when it stops early (Table.FirstN).
 */
public interface RowCursor extends AutoCloseable {

    /** The next row, or null when there is none. */
    Object[] next();

    @Override
    default void close() {
    }
}
