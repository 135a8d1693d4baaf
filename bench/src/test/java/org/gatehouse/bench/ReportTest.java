package org.gatehouse.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

public class ReportTest {

    @Test
    public void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(2.0, Report.median(List.of(read(3), read(1), read(2)), Measurement::seconds), 1e-9);
    }

    @Test
    public void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Report.median(List.of(read(4), read(1), read(2), read(3)), Measurement::seconds), 1e-9);
    }

    @Test
    public void summaryGivesTheRatioOfTheMedianRates() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.direct(1, read(2));
        report.gateway(1, new Measurement(1_000_000, 60L << 20, Duration.ofSeconds(4), "c",
                new HeapPeak(180L << 20, 60L << 20, 40), null));

        assertTrue(report.summarise(512L << 20, false));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("direct JDBC    : 1,000,000 rows  500,000 rows/s"));
        assertTrue(out, out.contains("through gateway: 1,000,000 rows  250,000 rows/s  (60 MB over the relay"));
        assertTrue(out, out.contains("ratio b/a      : 0.50"));
        assertTrue(out, out.contains("gateway peak heap: 180 MB (-Xmx 512 MB); old generation at most 60 MB"));
    }

    @Test
    public void summaryDoesNotPassAMissingHeapMeasurementOffAsZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.direct(1, read(2));
        report.gateway(1, new Measurement(1_000_000, 1, Duration.ofSeconds(4), "c", HeapPeak.NONE, null));

        report.summarise(512L << 20, false);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("gateway peak heap: not measured"));
    }

    @Test
    public void summarySaysWhenTheSidesReadDifferentValues() {
        Report report = new Report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        report.direct(1, read(2));
        report.gateway(1, new Measurement(1_000_000, 1, Duration.ofSeconds(4), "other", HeapPeak.NONE, null));

        assertFalse(report.summarise(512L << 20, false));
    }

    private static Measurement read(long seconds) {
        return new Measurement(1_000_000, -1, Duration.ofSeconds(seconds), "c", null, null);
    }
}
