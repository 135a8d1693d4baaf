package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowCursor;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Table.Profile: one row per column with Min, Max, Average, StandardDeviation, Count, NullCount and DistinctCount,
 * computed by the library's own List functions so a profile agrees with them. A statistic that does not apply to the
 * column's values (the average of texts, the minimum of records) is null rather than an error. Each additional
 * aggregate {name, typeCheck, aggregate} adds a column: the aggregate of the values where typeCheck accepts the
 * column's type, else null.
 */
final class TableProfile {

    private static final List<String> COLUMNS = List.of("Column", "Min", "Max", "Average", "StandardDeviation",
            "Count", "NullCount", "DistinctCount");
    private static final List<String> AVERAGED = List.of("number", "date", "datetime", "datetimezone", "duration");

    private TableProfile() {
    }

    static void register(Library lib) {
        lib.fn("Table.Profile", 1, 2, a -> profile(lib, Args.table(a, 0), Args.v(a, 1) == null ? List.of()
                : Args.list(a, 1).values()));
    }

    private static MTable profile(Library lib, MTable t, List<Object> additional) {
        List<String> names = new ArrayList<>(COLUMNS);
        List<MList> extra = new ArrayList<>();
        for (Object spec : additional) {
            MList aggregate = Values.list(spec);
            names.add(Values.text(aggregate.get(0)));
            extra.add(aggregate);
        }
        List<List<Object>> columns = columnValues(t);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            MList values = new MList(columns.get(c));
            List<Object> nonNull = columns.get(c).stream().filter(v -> v != null).toList();
            Object[] row = new Object[names.size()];
            row[0] = t.columns().get(c);
            row[1] = quietly(() -> call(lib, "List.Min", values));
            row[2] = quietly(() -> call(lib, "List.Max", values));
            boolean averaged = !nonNull.isEmpty() && nonNull.stream().allMatch(v -> AVERAGED.contains(Values.kind(v)));
            row[3] = averaged ? quietly(() -> call(lib, "List.Average", values)) : null;
            boolean numbers = nonNull.size() > 1 && nonNull.stream().allMatch(v -> Values.kind(v).equals("number"));
            row[4] = numbers ? quietly(() -> call(lib, "List.StandardDeviation", new MList(nonNull))) : null;
            row[5] = (double) columns.get(c).size();
            row[6] = (double) (columns.get(c).size() - nonNull.size());
            row[7] = (double) Values.list(call(lib, "List.Distinct", values)).size();
            MType type = t.types().get(c);
            for (int i = 0; i < extra.size(); i++) {
                MFunction check = Values.function(extra.get(i).get(1));
                MFunction aggregate = Values.function(extra.get(i).get(2));
                row[COLUMNS.size() + i] = Boolean.TRUE.equals(Values.strip(check.call(type)))
                        ? new Thunk(() -> aggregate.call(values)) : null;
            }
            rows.add(row);
        }
        List<MType> types = new ArrayList<>(Arrays.asList(MType.TEXT, MType.ANY, MType.ANY, MType.ANY, MType.ANY,
                MType.NUMBER, MType.NUMBER, MType.NUMBER));
        extra.forEach(e -> types.add(MType.ANY));
        return new MTable(names, types, rows);
    }

    /** Every column's values in one read of the table. */
    private static List<List<Object>> columnValues(MTable t) {
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            columns.add(new ArrayList<>());
        }
        try (RowCursor cursor = t.cursor()) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                for (int c = 0; c < row.length; c++) {
                    columns.get(c).add(Thunk.force(row[c]));
                }
            }
        }
        return columns;
    }

    private static Object call(Library lib, String function, Object argument) {
        return Values.function(lib.globals().get(function)).call(argument);
    }

    private static Object quietly(java.util.function.Supplier<Object> statistic) {
        try {
            return Values.strip(statistic.get());
        } catch (MException e) {
            return null; // values the statistic does not apply to
        }
    }
}
