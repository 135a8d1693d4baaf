package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Table equation criteria with comparers: the reference's "Equation criteria" for tables (table-functions.md) lets a
 * criteria be a column name, a list of them, or a comparer function, "for examples, go to Table.Distinct"; the usual
 * case-insensitive de-duplication is Table.Distinct(t, {"Name", Comparer.OrdinalIgnoreCase}). Expressions are ours.
 */
public class TableEquationCriteriaTest {

    private static final String T = "#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"ann\", 1}, {\"Bob\", 2}, {\"ANN\", 3}, {\"bob\", 2}})";

    @Test
    public void distinctWithAColumnComparer() {
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"Bob\", 2}})", "Table.Distinct(" + T + ", {\"n\", Comparer.OrdinalIgnoreCase})");
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"Bob\", 2}})", "Table.Distinct(" + T + ", {{\"n\", Comparer.OrdinalIgnoreCase}})");
        // a comparer on one column, plain equality on another: ("Ann", 1) and ("ANN", 3) differ in v
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"Bob\", 2}, {\"ANN\", 3}})",
                "Table.Distinct(" + T + ", {{\"n\", Comparer.OrdinalIgnoreCase}, \"v\"})");
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"ann\", 1}, {\"Bob\", 2}, {\"ANN\", 3}, {\"bob\", 2}})",
                "Table.Distinct(" + T + ", {\"n\", Comparer.Ordinal})");
    }

    @Test
    public void distinctWithAnyComparerOrKeySelector() {
        // a user comparer (no hashing possible): names equal on their first letter, case counting
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"ann\", 1}, {\"Bob\", 2}, {\"bob\", 2}})",
                "Table.Distinct(" + T + ", {\"n\", (x, y) => Value.Compare(Text.Start(x, 1), Text.Start(y, 1))})");
        // a comparer alone compares every column
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"Bob\", 2}, {\"ANN\", 3}})", "Table.Distinct(" + T + ", Comparer.OrdinalIgnoreCase)");
        // a key selector over the row
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"Bob\", 2}, {\"ANN\", 3}})", "Table.Distinct(" + T + ", each [v])");
    }

    @Test
    public void rowMembershipWithAColumnComparer() {
        same("true", "Table.Contains(" + T + ", [n = \"BOB\"], {\"n\", Comparer.OrdinalIgnoreCase})");
        same("false", "Table.Contains(" + T + ", [n = \"BOB\"], \"n\")");
        same("2", "Table.PositionOf(" + T + ", [n = \"BOB\"], 0, {\"n\", Comparer.OrdinalIgnoreCase})");
        same("#table({\"n\", \"v\"}, {{\"Ann\", 1}, {\"ann\", 1}, {\"ANN\", 3}})",
                "Table.RemoveMatchingRows(" + T + ", {[n = \"BOB\"]}, {\"n\", Comparer.OrdinalIgnoreCase})");
        same("false", "Table.IsDistinct(" + T + ", {\"n\", Comparer.OrdinalIgnoreCase})");
        same("true", "Table.IsDistinct(Table.Distinct(" + T + ", {\"n\", Comparer.OrdinalIgnoreCase}), {{\"n\", Comparer.OrdinalIgnoreCase}})");
    }
}
