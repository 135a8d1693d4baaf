package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** A change of type leaves a cell of spaces only empty, as it does an empty one (seen in a public CSV workbook). */
public class BlankTextConversionTest {

    @Test
    public void spacesOnlyBecomeNullForNumbersAndDates() {
        same("#table({\"a\"}, {{null}, {null}, {5}})",
                "Table.TransformColumnTypes(#table({\"a\"}, {{\" \"}, {\"\"}, {\" 5 \"}}), {{\"a\", type number}})");
        same("null", "Table.TransformColumnTypes(#table({\"a\"}, {{\" \"}}), {{\"a\", Int64.Type}}, \"en-PK\")[a]{0}");
        same("null", "Table.TransformColumnTypes(#table({\"a\"}, {{\"  \"}}), {{\"a\", type date}}, \"de-DE\")[a]{0}");
        // text stays as it is
        same("\" \"", "Table.TransformColumnTypes(#table({\"a\"}, {{\" \"}}), {{\"a\", type text}})[a]{0}");
    }
}
