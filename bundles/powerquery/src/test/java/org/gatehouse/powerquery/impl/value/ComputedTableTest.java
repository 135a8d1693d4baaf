package org.gatehouse.powerquery.impl.value;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** A computed table (a sort's result) computes its rows once and keeps that one list, however it is read. */
public class ComputedTableTest {

    private final AtomicInteger computations = new AtomicInteger();
    private final List<Object[]> sorted = new ArrayList<>(List.of(new Object[] {1.0}, new Object[] {2.0}));
    private final MTable table = MTable.computed(List.of("n"), List.of(MType.ANY), () -> {
        computations.incrementAndGet();
        return sorted;
    });

    @Test
    public void nothingIsComputedUntilTheRowsAreRead() {
        assertEquals(0, computations.get());
    }

    @Test
    public void enumeratingThenReadingByPositionComputesOnceAndKeepsTheComputedList() {
        int seen = 0;
        try (RowCursor cursor = table.cursor()) {
            while (cursor.next() != null) {
                seen++;
            }
        }
        assertEquals(2, seen);
        assertSame(sorted, table.rows());
        assertEquals(2.0, table.cell(1, 0));
        assertEquals(2, table.countRows());
        assertEquals(1, computations.get());
    }
}
