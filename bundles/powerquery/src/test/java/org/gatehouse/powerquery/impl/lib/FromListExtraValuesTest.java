package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Table.FromList's optional default and extraValues (its reference syntax; ExtraValues.Type: List gathers the parts
 * beyond the columns into a list, Error raises an error, Ignore drops them). Both arguments were ignored.
 * Expressions are ours.
 */
public class FromListExtraValuesTest {

    @Test
    public void defaultFillsMissingParts() {
        same("#table({\"Column1\", \"Column2\"}, {{\"a\", \"-\"}, {\"b\", \"c\"}})", "Table.FromList({\"a\", \"b,c\"}, null, 2, \"-\")");
    }

    @Test
    public void extraPartsAsAListOrAnError() {
        same("#table({\"Column1\", \"Column2\"}, {{\"a\", {\"b\", \"c\"}}, {\"d\", \"e\"}})",
                "Table.FromList({\"a,b,c\", \"d,e\"}, null, 2, null, ExtraValues.List)");
        same("#table({\"Column1\", \"Column2\"}, {{\"a\", \"b\"}})", "Table.FromList({\"a,b,c\"}, null, 2, null, ExtraValues.Ignore)");
        fails("Expression.Error", "Table.FromList({\"a,b,c\"}, null, 2, null, ExtraValues.Error){0}[Column1]");
        same("\"d\"", "Table.FromList({\"a,b,c\", \"d,e\"}, null, 2, null, ExtraValues.Error){1}[Column1]");
    }
}
