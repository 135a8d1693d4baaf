package org.gatehouse.powerquery.impl.value;

/**
 * Where a streamed table's rows come from. M tables are values that can be enumerated any number of times, so a
 * source opens a fresh cursor for each enumeration (re-reading its file) instead of remembering the rows.
 */
@FunctionalInterface
public interface RowSource {

    RowCursor open();
}
