package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

/** Excel loads no column declared as a table (a Group's "All Rows"), record or list into the sheet. */
public class SheetColumnsTest {

    private static final String GROUPED = "section S; shared Q = Table.Group(#table({\"K\", \"V\"}, {{\"a\", 1}, "
            + "{\"a\", 2}, {\"b\", 5}}), {\"K\"}, {{\"All\", each _, type table [K = text, V = number]}, "
            + "{\"Sum\", each List.Sum([V]), type number}});";

    @Test
    public void tableTypedColumnsAreNotLoaded() {
        QueryResult r = PowerQuery.evaluate(GROUPED, "Q", new LocalFileAccess());
        assertNull(r.error());
        assertEquals(List.of("K", "Sum"), r.columnNames());
        assertEquals(List.of("a", 3.0), r.rows().get(0));
    }

    @Test
    public void streamedRefreshLeavesThemOutToo() throws Exception {
        try (QueryStream s = PowerQuery.stream(GROUPED, "Q", new LocalFileAccess())) {
            assertEquals(List.of("K", "Sum"), s.columns().stream().map(org.gatehouse.api.Column::name).toList());
            assertEquals(List.of("b", 5.0), List.of(s.next(), s.next()).get(1));
        }
    }
}
