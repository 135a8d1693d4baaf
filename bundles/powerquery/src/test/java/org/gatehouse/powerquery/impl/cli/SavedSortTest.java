package org.gatehouse.powerquery.impl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** The sort a user saved on a query's sheet table, which Excel re-applies after each refresh. */
public class SavedSortTest {

    private static final String TABLE = "<table xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "name=\"calendar\" ref=\"B1:D4\"><autoFilter ref=\"B1:D4\"/><sortState ref=\"B2:D4\">"
            + "<sortCondition descending=\"1\" ref=\"C1:C4\"/><sortCondition ref=\"$B$1:$B$4\"/></sortState>"
            + "<tableColumns count=\"3\"/></table>";

    @Test
    public void keysComeFromTheTablesSortConditions() {
        assertEquals(List.of(new SavedSort.Key(1, true), new SavedSort.Key(0, false)), SavedSort.keys(TABLE, 1));
        assertTrue(SavedSort.keys("<table name=\"t\"><autoFilter ref=\"A1:B2\"/></table>", 0).isEmpty());
    }

    @Test
    public void rowsSortStablyWithBlanksLast() {
        List<List<Object>> rows = List.of(
                Arrays.<Object>asList("b", LocalDate.of(2024, 1, 1)),
                Arrays.<Object>asList("a", null),
                Arrays.<Object>asList("A", LocalDate.of(2024, 3, 31)),
                Arrays.<Object>asList("c", LocalDate.of(2024, 1, 1)));
        List<List<Object>> byDateDescending = SavedSort.apply(rows, List.of(new SavedSort.Key(1, true)), 2);
        assertEquals(List.of("A", "b", "c", "a"), byDateDescending.stream().map(r -> r.get(0)).toList());
        List<List<Object>> byTextAscending = SavedSort.apply(rows, List.of(new SavedSort.Key(0, false)), 2);
        assertEquals(List.of("a", "A", "b", "c"), byTextAscending.stream().map(r -> r.get(0)).toList());
        assertNull(SavedSort.apply(rows, List.of(new SavedSort.Key(5, false)), 2));
    }
}
