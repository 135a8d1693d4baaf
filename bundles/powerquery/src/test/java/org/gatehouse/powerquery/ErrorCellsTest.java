package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/**
 * A loaded query's cells whose value is an error load as empty cells, counted as a warning, as Excel loads them; an
 * error of a whole row or table still fails the query.
 */
public class ErrorCellsTest {

    private static final String TWO_BAD_NUMBERS = "section S; shared Q = Table.TransformColumnTypes(#table({\"id\", \"n\"},"
            + " {{1, \"7\"}, {2, \"seven\"}, {3, \"9\"}, {4, \"x\"}}), {{\"n\", type number}});";

    @Test
    public void aStreamedQueryLoadsErrorCellsAsNullAndSaysWhich() {
        try (QueryStream rows = PowerQuery.stream(TWO_BAD_NUMBERS, "Q", new LocalFileAccess())) {
            assertEquals(Arrays.asList(1.0, 7.0), rows.next());
            assertEquals(Arrays.asList(2.0, null), rows.next());
            assertEquals(Arrays.asList(3.0, 9.0), rows.next());
            assertEquals(Arrays.asList(4.0, null), rows.next());
            assertEquals(null, rows.next());
            List<String> warnings = rows.warnings();
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0), warnings.get(0).startsWith("2 cells' values are errors and were loaded as empty"));
            assertTrue(warnings.get(0), warnings.get(0).contains("row 2, column n: DataFormat.Error"));
            assertTrue(warnings.get(0), warnings.get(0).contains("row 4, column n: DataFormat.Error"));
        }
    }

    @Test
    public void anEvaluatedQueryDoesTheSame() {
        QueryResult result = PowerQuery.evaluate(TWO_BAD_NUMBERS, "Q", new LocalFileAccess());
        assertFalse(result.failed());
        assertEquals(4, result.rows().size());
        assertEquals(null, result.rows().get(1).get(1));
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).contains("row 2, column n"));
        assertEquals(List.of(), PowerQuery.evaluate("section S; shared Q = #table({\"a\"}, {{1}});", "Q",
                new LocalFileAccess()).warnings());
    }

    @Test
    public void anErrorOfAWholeRowStillFailsTheQuery() {
        String failingFilter = "section S; shared Q = Table.SelectRows(#table({\"a\"}, {{1}, {2}}),"
                + " each if [a] = 2 then error \"no second row\" else true);";
        try (QueryStream rows = PowerQuery.stream(failingFilter, "Q", new LocalFileAccess())) {
            rows.next();
            rows.next();
            fail("the failing filter should fail the read");
        } catch (MException e) {
            assertEquals("no second row", e.getMessage());
        }
    }
}
