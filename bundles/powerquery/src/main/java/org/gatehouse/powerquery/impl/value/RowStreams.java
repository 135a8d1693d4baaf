package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Row-at-a-time table operations. A table in memory gives a table in memory, computed now, exactly as before streaming
 * existed; a streamed table gives a streamed table whose operation runs again on each enumeration, so a pipeline over
 * a large file holds one row at a time.
 */
public final class RowStreams {

    private RowStreams() {
    }

    /** Each row through {@code f} (which must not modify its argument: the source's rows may be shared). */
    public static MTable map(MTable t, List<String> names, List<MType> types, UnaryOperator<Object[]> f) {
        if (!t.isStreamed()) {
            List<Object[]> out = new ArrayList<>(t.rows().size());
            for (Object[] row : t.rows()) {
                out.add(f.apply(row));
            }
            return new MTable(names, types, out).withKeysOf(t);
        }
        return MTable.streamed(names, types, () -> {
            RowCursor in = t.cursor();
            return new RowCursor() {
                @Override
                public Object[] next() {
                    Object[] row = in.next();
                    return row == null ? null : f.apply(row);
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }).withKeysOf(t);
    }

    /** The same rows under other column names; keys follow their columns' new names. */
    public static MTable renamed(MTable t, List<String> names) {
        return t.retyped(names, t.types(), renamedKeys(t, names));
    }

    private static List<TableKey> renamedKeys(MTable t, List<String> names) {
        List<TableKey> keys = new ArrayList<>();
        for (TableKey k : t.keys()) {
            keys.add(new TableKey(k.columns().stream().map(c -> names.get(t.columnIndex(c))).toList(), k.primary()));
        }
        return keys;
    }

    /** The rows {@code keep} accepts, same columns. */
    public static MTable filter(MTable t, Predicate<Object[]> keep) {
        if (!t.isStreamed()) {
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : t.rows()) {
                if (keep.test(row)) {
                    out.add(row);
                }
            }
            return new MTable(t.columns(), t.types(), out).withKeysOf(t);
        }
        return MTable.streamed(t.columns(), t.types(), () -> {
            RowCursor in = t.cursor();
            return new RowCursor() {
                @Override
                public Object[] next() {
                    for (Object[] row = in.next(); row != null; row = in.next()) {
                        if (keep.test(row)) {
                            return row;
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }).withKeysOf(t);
    }

    /** Rows {@code from} (0-based) up to {@code from + count}; a streamed source is closed as soon as that is reached. */
    public static MTable range(MTable t, List<String> names, List<MType> types, long from, long count) {
        if (!t.isStreamed()) {
            List<Object[]> rows = t.rows();
            int start = (int) Math.min(rows.size(), from);
            int end = (int) Math.min(rows.size(), start + Math.min(count, Integer.MAX_VALUE));
            return new MTable(names, types, new ArrayList<>(rows.subList(start, end))).withKeysOf(t);
        }
        return MTable.streamed(names, types, () -> {
            RowCursor in = t.cursor();
            return new RowCursor() {
                private long position;

                @Override
                public Object[] next() {
                    while (position < from) {
                        position++;
                        if (in.next() == null) {
                            return null;
                        }
                    }
                    if (position - from >= count) {
                        return null;
                    }
                    position++;
                    return in.next();
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }).withKeysOf(t);
    }

    /** The first row, reading no further; null for an empty table. */
    public static Object[] first(MTable t) {
        try (RowCursor in = t.cursor()) {
            return in.next();
        }
    }

    /** Tables one after the other, each row placed by {@code placements[i]} (-1: null) into the combined columns. */
    public static MTable concat(List<MTable> tables, List<String> names, List<MType> types, List<int[]> placements) {
        return MTable.streamed(names, types, () -> new RowCursor() {
            private int table = -1;
            private RowCursor in;

            @Override
            public Object[] next() {
                while (true) {
                    Object[] row = in == null ? null : in.next();
                    if (row != null) {
                        int[] map = placements.get(table);
                        Object[] out = new Object[map.length];
                        for (int i = 0; i < map.length; i++) {
                            out[i] = map[i] < 0 ? null : row[map[i]];
                        }
                        return out;
                    }
                    if (in != null) {
                        in.close();
                        in = null;
                    }
                    if (++table >= tables.size()) {
                        return null;
                    }
                    in = tables.get(table).cursor();
                }
            }

            @Override
            public void close() {
                if (in != null) {
                    in.close();
                }
            }
        });
    }
}
