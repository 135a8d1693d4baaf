package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Table.PromoteHeaders numbers repeated names with one count over the whole header, as Excel promoted a shipment
 * workbook's header of ship modes repeated per segment ("First Class_1", "Same Day_2", ..., "First Class_5").
 */
public class PromoteHeadersRepeatsTest {

    @Test
    public void repeatedNamesShareOneCount() {
        same("{\"A\", \"B\", \"A_1\", \"B_2\", \"A_3\", \"B_4\"}", "Table.ColumnNames(Table.PromoteHeaders("
                + "#table(6, {{\"A\", \"B\", \"A\", \"B\", \"A\", \"B\"}, {1, 2, 3, 4, 5, 6}})))");
    }

    @Test
    public void aNumberedNameAlreadyTakenIsSkipped() {
        same("{\"A\", \"A_1\", \"A_2\"}", "Table.ColumnNames(Table.PromoteHeaders(#table(3, {{\"A\", \"A_1\", \"A\"}})))");
    }
}
