package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.eval;
import static org.gatehouse.powerquery.impl.eval.M.same;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

/**
 * Table.Sort runs after the steps Power Query moves it past (DeferredSorts). The behaviours are those Excel's loaded
 * tables show; the tables here are our own.
 */
public class DeferredSortsTest {

    /** Rows in the order they were written: who, day, amount. */
    private static final String SALES = "#table({\"who\", \"day\", \"amount\"}, {{\"ann\", 1, 10}, {\"bob\", 3, 20},"
            + " {\"ann\", 2, 30}, {\"cid\", 3, 40}, {\"bob\", 1, 50}})";

    @Test
    public void aSortDoesNotDecideWhichDuplicateDistinctKeeps() {
        // the first row of each name in the written order stays, and the sort orders what is left
        same("#table({\"who\", \"day\", \"amount\"}, {{\"bob\", 3, 20}, {\"cid\", 3, 40}, {\"ann\", 1, 10}})",
                "Table.Distinct(Table.Sort(" + SALES + ", {{\"day\", Order.Descending}}), {\"who\"})");
        // Table.Buffer fixes the sorted order first: the latest row of each name stays
        same("#table({\"who\", \"day\", \"amount\"}, {{\"bob\", 3, 20}, {\"cid\", 3, 40}, {\"ann\", 2, 30}})",
                "Table.Distinct(Table.Buffer(Table.Sort(" + SALES + ", {{\"day\", Order.Descending}})), {\"who\"})");
    }

    @Test
    public void aGroupWithoutTheSortColumnsGroupsTheUnsortedRows() {
        same("#table({\"who\", \"total\"}, {{\"ann\", 40}, {\"bob\", 70}, {\"cid\", 40}})",
                "Table.Group(Table.Sort(" + SALES + ", \"amount\"), {\"who\"}, {{\"total\", each List.Sum([amount])}})");
        // grouped by the sort column itself, the groups come sorted
        same("#table({\"day\", \"n\"}, {{3, 2}, {2, 1}, {1, 2}})",
                "Table.Group(Table.Sort(" + SALES + ", {\"day\", Order.Descending}), {\"day\"}, {{\"n\", each Table.RowCount(_)}})");
        // a local grouping depends on the order, so it groups the sorted rows
        same("#table({\"who\", \"n\"}, {{\"ann\", 2}, {\"bob\", 2}, {\"cid\", 1}})",
                "Table.Group(Table.Sort(" + SALES + ", \"who\"), {\"who\"}, {{\"n\", each Table.RowCount(_)}}, GroupKind.Local)");
    }

    @Test
    public void localGroupsAreRunsOfEqualKeys() {
        same("#table({\"who\", \"n\"}, {{\"ann\", 1}, {\"bob\", 1}, {\"ann\", 1}, {\"cid\", 1}, {\"bob\", 1}})",
                "Table.Group(" + SALES + ", {\"who\"}, {{\"n\", each Table.RowCount(_)}}, GroupKind.Local)");
        // a comparer function gets the run's first key record and the row's: here a run starts at every "h" row
        same("{{\"h\", 3}, {\"h\", 2}}", "Table.ToRows(Table.Group(#table({\"k\"}, {{\"h\"}, {\"x\"}, {\"y\"}, {\"h\"}, {\"z\"}}),"
                + " {\"k\"}, {{\"n\", each Table.RowCount(_)}}, GroupKind.Local, (start, row) => Number.From(row[k] = \"h\")))");
        // a library comparer compares the key values: global groups ignoring case
        same("{{\"Ann\", 2}, {\"bob\", 1}}", "Table.ToRows(Table.Group(#table({\"k\"}, {{\"Ann\"}, {\"bob\"}, {\"ANN\"}}),"
                + " {\"k\"}, {{\"n\", each Table.RowCount(_)}}, GroupKind.Global, Comparer.OrdinalIgnoreCase))");
    }

    @Test
    public void stepsThatKeepTheSortColumnsStillComeOutSorted() {
        same("{10, 50, 30, 20, 40}", "Table.Column(Table.AddColumn(Table.SelectRows(Table.Sort(" + SALES
                + ", {\"day\", \"who\"}), each [amount] > 0), \"twice\", each [amount] * 2), \"amount\")");
        same("{\"BOB\", \"ANN\", \"ANN\", \"BOB\"}", "Table.Column(Table.TransformColumns(Table.SelectRows(Table.Sort(" + SALES
                + ", {\"day\", Order.Descending}), each [who] <> \"cid\"), {\"who\", Text.Upper}), \"who\")");
        // renaming the sort column keeps the sorted rows
        same("{1, 1, 2, 3, 3}", "Table.Column(Table.RenameColumns(Table.Sort(" + SALES
                + ", \"day\"), {\"day\", \"d\"}), \"d\")");
    }

    @Test
    public void anIndexColumnNumbersTheSortedRows() {
        same("{{0, 50}, {1, 40}, {2, 30}, {3, 20}, {4, 10}}", "Table.ToRows(Table.SelectColumns(Table.AddIndexColumn("
                + "Table.Sort(" + SALES + ", {\"amount\", Order.Descending}), \"i\"), {\"i\", \"amount\"}))");
        same("{50, 40}", "Table.Column(Table.FirstN(Table.Sort(" + SALES + ", {\"amount\", Order.Descending}), 2), \"amount\")");
    }

    /**
     * Expanded after a sort, the rows are sorted once expanded: with more than 16 rows of equal keys the unstable
     * introsort puts them in another order than the nested tables had, which is what Excel shows.
     */
    @Test
    public void rowsExpandedAfterASortAreSortedAsExpandedRows() {
        String nested = "Table.FromRecords(List.Transform({1..6}, (o) => [order = o, day = Number.Mod(o, 2),"
                + " lines = Table.FromRecords(List.Transform({1..5}, (l) => [line = o * 10 + l]))]))";
        String deferred = "Table.Column(Table.ExpandTableColumn(Table.Sort(" + nested
                + ", {\"day\", Order.Descending}), \"lines\", {\"line\"}), \"line\")";
        String sortedOnceExpanded = "Table.Column(Table.Sort(Table.ExpandTableColumn(" + nested
                + ", \"lines\", {\"line\"}), {\"day\", Order.Descending}), \"line\")";
        String sortedWhereWritten = "Table.Column(Table.ExpandTableColumn(Table.Buffer(Table.Sort(" + nested
                + ", {\"day\", Order.Descending})), \"lines\", {\"line\"}), \"line\")";
        same(sortedOnceExpanded, deferred);
        assertNotEquals("the test needs rows the introsort reorders", eval(text(sortedWhereWritten)), eval(text(deferred)));
    }

    private static String text(String listOfNumbers) {
        return "Text.Combine(List.Transform(" + listOfNumbers + ", Text.From), \",\")";
    }

    @Test
    public void aTypeChangeOfTheSortColumnTakesTheSortedRows() {
        // sorted as texts ("10" < "9"), then changed to numbers: the text order stays
        same("{10, 9}", "Table.Column(Table.TransformColumnTypes(Table.Sort(#table({\"n\"}, {{\"9\"}, {\"10\"}}), \"n\"),"
                + " {{\"n\", type number}}), \"n\")");
    }

    @Test
    public void aSortByAFunctionIsNotMoved() {
        same("#table({\"who\", \"day\", \"amount\"}, {{\"bob\", 1, 50}, {\"cid\", 3, 40}, {\"ann\", 2, 30}})",
                "Table.Distinct(Table.Sort(" + SALES + ", each -[amount]), {\"who\"})");
    }
}
