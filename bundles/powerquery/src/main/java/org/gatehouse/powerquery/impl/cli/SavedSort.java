package org.gatehouse.powerquery.impl.cli;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sort a user applied to a query's sheet table in Excel (the table's {@code sortState}). Excel keeps it across
 * refreshes (the query table's "preserve sort/filter/layout"), so the cached rows are the query's rows in that order:
 * seen in a public workbook (sales-analysis-excel-powerpivot, SalesDashboard.xlsx) whose calendar query yields dates
 * ascending while its table, sorted by Date descending, caches them newest first.
 */
final class SavedSort {

    /** One sort condition: the table column (0-based) and its direction. */
    record Key(int column, boolean descending) { }

    private static final Pattern CONDITION = Pattern.compile("<(?:\\w+:)?sortCondition\\b([^>]*)>");
    private static final Pattern REF = Pattern.compile("\\bref=\"\\$?([A-Z]+)");
    private static final Pattern DESCENDING = Pattern.compile("\\bdescending=\"(1|true)\"");

    private SavedSort() {
    }

    /** The sort keys of a table part's XML, columns counted from the table's first column {@code firstColumn}. */
    static List<Key> keys(String tableXml, int firstColumn) {
        List<Key> keys = new ArrayList<>();
        Matcher m = CONDITION.matcher(tableXml);
        while (m.find()) {
            Matcher ref = REF.matcher(m.group(1));
            if (!ref.find()) {
                continue;
            }
            int column = org.apache.poi.ss.util.CellReference.convertColStringToIndex(ref.group(1)) - firstColumn;
            keys.add(new Key(column, DESCENDING.matcher(m.group(1)).find()));
        }
        return keys;
    }

    /** The rows sorted as Excel sorts a table (stable; blanks last in either direction); null if a key is off the rows. */
    static List<List<Object>> apply(List<List<Object>> rows, List<Key> keys, int width) {
        Comparator<List<Object>> order = (a, b) -> 0;
        for (Key key : keys) {
            if (key.column() < 0 || key.column() >= width) {
                return null;
            }
            order = order.thenComparing((a, b) -> compare(a.get(key.column()), b.get(key.column()), key.descending()));
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return sorted;
    }

    private static int compare(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : sameKind(a, b);
        return descending ? -c : c;
    }

    /** Excel's order of kinds when sorting ascending: numbers (and dates), then text, then logicals. */
    private static int rank(Object v) {
        return v instanceof Number || v instanceof Temporal ? 0 : v instanceof Boolean ? 2 : 1;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int sameKind(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass() && !(a instanceof String)) {
            return x.compareTo(b);
        }
        return String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(a), String.valueOf(b));
    }
}
