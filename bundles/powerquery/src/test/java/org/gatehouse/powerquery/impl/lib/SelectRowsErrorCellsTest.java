package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * A row whose condition fails only because it reads one of the row's own error cells is filtered out; any other
 * failing condition still fails the table.
 */
public class SelectRowsErrorCellsTest {

    // "b" cannot become a date: its cell is a DataFormat.Error, as a CSV line split by a quoted line break gives
    private static final String DATES = "Table.TransformColumnTypes(#table({\"name\", \"date\"}, "
            + "{{\"a\", \"2020-03-21\"}, {\"b\", \"https://example.com/logo.png\"}, {\"c\", null}}), {{\"date\", type date}})";

    @Test
    public void aConditionReadingAnErrorCellDropsTheRow() {
        same("{\"a\", \"c\"}", "Table.SelectRows(" + DATES
                + ", each not List.IsEmpty(List.RemoveMatchingItems(Record.FieldValues(_), {\"\", null})))[name]");
        same("{\"a\"}", "Table.SelectRows(" + DATES + ", each [date] = #date(2020, 3, 21))[name]");
    }

    @Test
    public void aConditionThatFailsOtherwiseStillFails() {
        fails("Expression.Error", "Table.RowCount(Table.SelectRows(" + DATES + ", each [missing] = 1))");
        fails("Expression.Error", "Table.RowCount(Table.SelectRows(" + DATES
                + ", each if [name] = \"b\" then error \"no b\" else true))");
        // an error cell the condition does not read does not hide the condition's own error
        fails("Expression.Error", "Table.RowCount(Table.SelectRows(" + DATES + ", each [name] + 1 = 2))");
    }
}
