package org.gatehouse.powerquery;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.powerquery.impl.eval.Engine;
import org.gatehouse.powerquery.impl.lib.DocumentCulture;
import org.gatehouse.powerquery.impl.mashup.DataMashupReader;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The facade: read a workbook's Power Query, evaluate its queries or any section document, and get tables as rows
 * with the gateway's column types. Every call builds a fresh engine, so nothing leaks between refreshes.
 */
public final class PowerQuery {

    private PowerQuery() {
    }

    /** The workbook's mashup, or empty when the workbook has no Power Query. */
    public static Optional<WorkbookMashup> readMashup(byte[] workbook) {
        return DataMashupReader.read(workbook);
    }

    /**
     * Refreshes every query the workbook loads to a sheet (all shared members when the metadata marks none). A query
     * that fails yields a result carrying its error; the others still run. Syntax errors fail the whole call.
     */
    public static List<QueryResult> refresh(byte[] workbook, DataAccess access) {
        return DocumentCulture.during(documentCulture(workbook),
                () -> org.gatehouse.powerquery.impl.eval.DeepStack.call(() -> refreshOnThisThread(workbook, access)));
    }

    /** The culture the workbook's queries were written in; null when it has no mashup or names none. */
    private static String documentCulture(byte[] workbook) {
        try {
            return readMashup(workbook).map(WorkbookMashup::culture).orElse(null);
        } catch (MException e) {
            return null; // the refresh itself reports the unreadable workbook
        }
    }

    private static List<QueryResult> refreshOnThisThread(byte[] workbook, DataAccess access) {
        Engine engine = new Engine(access);
        List<String> names = loadedMembers(engine, workbook);
        List<QueryResult> results = new ArrayList<>();
        for (String n : names) {
            results.add(evaluateMember(engine, n));
        }
        return results;
    }

    /** Evaluates one member of a section document. */
    public static QueryResult evaluate(String sectionDocument, String member, DataAccess access) {
        return org.gatehouse.powerquery.impl.eval.DeepStack.call(() -> {
            Engine engine = new Engine(access);
            engine.loadSection(sectionDocument);
            return evaluateMember(engine, member);
        });
    }

    /**
     * Evaluates one member of a section document as a stream of rows, for results too large to hold: the rows are
     * computed as {@link QueryStream#next()} asks for them. A query whose value is an error raises it here.
     */
    public static QueryStream stream(String sectionDocument, String member, DataAccess access) {
        return org.gatehouse.powerquery.impl.eval.DeepStack.call(() -> {
            Engine engine = new Engine(access);
            engine.loadSection(sectionDocument);
            return QueryStream.of(member, engine.member(member));
        });
    }

    /** Receives the queries of a streamed refresh one after the other. */
    public interface QueryConsumer {

        /** A query evaluated to a table: read its rows before returning (the stream is closed afterwards). */
        void rows(QueryStream stream);

        /** A query failed before its first row. */
        void failed(String name, MException error);
    }

    /**
     * {@link #refresh} as streams: each loaded query is handed to the consumer in turn, on the evaluation's thread,
     * so rows flow from the sources to the consumer without the whole result in memory.
     */
    public static void refresh(byte[] workbook, DataAccess access, QueryConsumer consumer) {
        DocumentCulture.during(documentCulture(workbook), () -> org.gatehouse.powerquery.impl.eval.DeepStack.call(() -> {
            Engine engine = new Engine(access);
            for (String n : loadedMembers(engine, workbook)) {
                QueryStream stream;
                try {
                    stream = QueryStream.of(n, engine.member(n));
                } catch (MException e) {
                    consumer.failed(n, e);
                    continue;
                }
                try (stream) {
                    consumer.rows(stream);
                }
            }
            return null;
        }));
    }

    private static List<String> loadedMembers(Engine engine, byte[] workbook) {
        WorkbookMashup mashup = readMashup(workbook).orElseThrow(() -> new MException("Expression.Error",
                "The workbook has no Power Query queries."));
        engine.loadSection(mashup.sectionDocument());
        List<String> names = new ArrayList<>();
        for (MashupQuery q : mashup.loadedQueries()) {
            if (engine.memberNames().contains(q.name())) {
                names.add(q.name());
            }
        }
        if (names.isEmpty()) {
            names.addAll(engine.memberNames());
        }
        return names;
    }

    private static QueryResult evaluateMember(Engine engine, String name) {
        try {
            return toResult(name, engine.member(name));
        } catch (MException e) {
            return new QueryResult(name, List.of(), List.of(), e);
        } catch (OutOfMemoryError e) {
            // a query building a value too large to hold fails alone; the workbook's other queries still run
            return new QueryResult(name, List.of(), List.of(),
                    new MException("Expression.Error", "Evaluation ran out of memory (" + e.getMessage() + ")."));
        }
    }

    /**
     * A table as rows; a list loads one row per item in a column "Value" (a ru-RU workbook's list query is cached so);
     * any other value loads as a one-cell table named after the query, as Excel does.
     */
    static QueryResult toResult(String name, Object value) {
        MTable table = loadedTable(name, value);
        List<List<Object>> rows = new ArrayList<>();
        LoadErrors errors = new LoadErrors();
        for (int r = 0; r < table.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            Object[] cells = table.rows().get(r);
            for (int c = 0; c < table.columns().size(); c++) {
                row.add(errors.value(cells[c], r + 1, table.columns().get(c)));
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            ColumnType type = columnType(table.types().get(c), rows, c);
            columns.add(new Column(table.columns().get(c), type));
            for (List<Object> row : rows) {
                row.set(c, javaValue(row.get(c), type));
            }
        }
        return new QueryResult(name, columns, rows, null, errors.warnings());
    }

    /** The observed kind of a column whose values are of several kinds. */
    static final String MIXED = "mixed";

    /** The table a query's value loads to a sheet as (see toResult). */
    static MTable loadedTable(String name, Object value) {
        Object v = Values.strip(value);
        return v instanceof MTable t ? SheetColumns.loaded(t)
                : v instanceof MList list ? SheetColumns.loaded(listTable(list))
                : new MTable(List.of(name), null, new ArrayList<>(List.<Object[]>of(new Object[] {v})));
    }

    private static MTable listTable(MList list) {
        List<Object[]> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            rows.add(new Object[] {list.get(i)});
        }
        return new MTable(List.of("Value"), null, rows);
    }

    /** Declared types win; an untyped column takes the kind all its values share, else text. */
    static ColumnType columnType(MType declared, List<List<Object>> rows, int c) {
        String observed = null;
        if (declared.kind().equals("any")) {
            for (List<Object> row : rows) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                String k = Values.kind(v);
                if (observed == null) {
                    observed = k;
                } else if (!observed.equals(k)) {
                    observed = MIXED;
                    break;
                }
            }
        }
        return columnType(declared, observed);
    }

    /** The column type from the declared type or, for an untyped column, the kind observed in its values. */
    static ColumnType columnType(MType declared, String observed) {
        String kind = declared.kind();
        if (kind.equals("any")) {
            if (observed == null || observed.equals(MIXED)) {
                return ColumnType.STRING;
            }
            kind = observed;
        }
        if (kind.equals("number")) {
            String f = declared.facet();
            if ("Int64".equals(f) || "Int32".equals(f) || "Int16".equals(f) || "Int8".equals(f) || "Byte".equals(f)) {
                return ColumnType.LONG;
            }
            return "Currency".equals(f) || "Decimal".equals(f) ? ColumnType.DECIMAL : ColumnType.DOUBLE;
        }
        return switch (kind) {
            case "logical" -> ColumnType.BOOLEAN;
            case "date" -> ColumnType.DATE;
            case "datetime" -> ColumnType.TIMESTAMP;
            case "datetimezone" -> ColumnType.TIMESTAMP_TZ;
            case "time" -> ColumnType.TIME;
            case "binary" -> ColumnType.BINARY;
            default -> ColumnType.STRING;
        };
    }

    static Object javaValue(Object v, ColumnType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case LONG -> (long) Values.number(v);
            case DOUBLE -> Values.number(v);
            case DECIMAL -> v instanceof BigDecimal d ? d : BigDecimal.valueOf(Values.number(v));
            case BINARY -> ((org.gatehouse.powerquery.impl.value.MBinary) v).bytes();
            case STRING -> v instanceof Duration || !(v instanceof String) ? Values.toText(v) : v;
            default -> type.javaType().isInstance(v) ? v : Values.toText(v);
        };
    }
}
