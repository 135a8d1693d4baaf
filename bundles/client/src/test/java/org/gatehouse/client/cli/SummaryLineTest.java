package org.gatehouse.client.cli;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;

import org.gatehouse.client.RefreshSummary;
import org.junit.Test;

public class SummaryLineTest {

    @Test
    public void oneLineSaysWhatWasRefreshedHowMuchHowFastAndWhere() {
        RefreshSummary summary = new RefreshSummary("sales", 1, 100_000, 4_200_000, Duration.ofMillis(1840));
        assertEquals("refreshed sales: 1 table, 100000 rows, 4.2 MB in 1.84 s (54,348 rows/s) -> sales.csv",
                SummaryLine.of("sales", summary, List.of("sales.csv")));
    }

    @Test
    public void severalFilesAndSingulars() {
        RefreshSummary summary = new RefreshSummary("sales", 2, 1, 999, Duration.ofMillis(500));
        assertEquals("refreshed sales: 2 tables, 1 row, 999 B in 0.50 s (2 rows/s) -> s-a.csv, s-b.csv",
                SummaryLine.of("sales", summary, List.of("s-a.csv", "s-b.csv")));
    }

    @Test
    public void sizesUseDecimalUnits() {
        assertEquals("0 B", SummaryLine.size(0));
        assertEquals("1.0 kB", SummaryLine.size(1000));
        assertEquals("12.3 kB", SummaryLine.size(12_345));
        assertEquals("1.0 MB", SummaryLine.size(999_999));
        assertEquals("5.4 GB", SummaryLine.size(5_432_100_000L));
    }
}
