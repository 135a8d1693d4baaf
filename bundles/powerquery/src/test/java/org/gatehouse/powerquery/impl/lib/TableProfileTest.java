package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Table.Profile over our own table of numbers, texts, dates and nulls. */
public class TableProfileTest {

    private static final String T = "#table(type table [n = number, t = text, d = date],"
            + " {{2, \"b\", #date(2024, 1, 3)}, {4, null, #date(2024, 1, 1)}, {null, \"a\", null}, {4, \"b\", #date(2024, 1, 2)}})";

    @Test
    public void everyColumnGetsItsStatistics() {
        same("{\"Column\", \"Min\", \"Max\", \"Average\", \"StandardDeviation\", \"Count\", \"NullCount\", \"DistinctCount\"}",
                "Table.ColumnNames(Table.Profile(" + T + "))");
        same("{\"n\", 2, 4, 10 / 3, List.StandardDeviation({2, 4, 4}), 4, 1, 3}",
                "Record.FieldValues(Table.Profile(" + T + "){0})");
        // texts have no average or deviation
        same("{\"t\", \"a\", \"b\", null, null, 4, 1, 3}", "Record.FieldValues(Table.Profile(" + T + "){1})");
        same("{\"d\", #date(2024, 1, 1), #date(2024, 1, 3), #date(2024, 1, 2), null, 4, 1, 4}",
                "Record.FieldValues(Table.Profile(" + T + "){2})");
    }

    @Test
    public void additionalAggregatesApplyWhereTheirTypeCheckAccepts() {
        same("{32, null, null}", "Table.Profile(" + T + ", {{\"Product\", each Type.Is(_, type number),"
                + " each List.Product(List.RemoveNulls(_))}})[Product]");
    }
}
