package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.gatehouse.api.refresh.RefreshOutcome;
import org.junit.Test;

public class ProgressLineTest {

    @Test
    public void eachUpdateRewritesTheLineInPlace() {
        ProgressLine line = new ProgressLine("sales");
        assertEquals("\rrefreshing sales: 12,345 rows, 3,086 rows/s, 4.0 s",
                line.update(12_345, Duration.ofMillis(4_000)));
        assertEquals("\rrefreshing sales: 1,234,567 rows, 9,876 rows/s, 2 min 05 s",
                line.update(1_234_567, Duration.ofSeconds(125)));
    }

    @Test
    public void aShorterUpdateBlanksWhatTheLongerOneLeft() {
        ProgressLine line = new ProgressLine("s");
        String longer = line.update(1_000_000, Duration.ofSeconds(100));
        String shorter = line.update(0, Duration.ZERO);
        assertEquals("\rrefreshing s: 0 rows, 0 rows/s, 0.0 s", shorter.stripTrailing());
        assertEquals(longer.length(), shorter.length());
    }

    @Test
    public void clearingBlanksTheWholeLineAndReturnsToItsStart() {
        ProgressLine line = new ProgressLine("s");
        int shown = line.update(5, Duration.ofSeconds(1)).length() - 1;
        assertEquals("\r" + " ".repeat(shown) + "\r", line.clear());
        assertEquals("\r\r", line.clear());
    }

    @Test
    public void theFinalStatusSaysSucceededWithTablesRowsTimeAndRate() {
        assertEquals("sales: SUCCEEDED, 2 tables, 100,005 rows in 1.8 s (55,558 rows/s)",
                ProgressLine.succeeded(new RefreshOutcome("sales", 2, 100_005, Duration.ofMillis(1_800))));
        assertEquals("one: SUCCEEDED, 1 table, 0 rows in 0.0 s (0 rows/s)",
                ProgressLine.succeeded(new RefreshOutcome("one", 1, 0, Duration.ZERO)));
    }
}
