package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.Test;

public class FormatsTest {

    @Test
    public void countsAreGroupedInThousands() {
        assertEquals("0", Formats.count(0));
        assertEquals("999", Formats.count(999));
        assertEquals("1,234,567", Formats.count(1_234_567));
    }

    @Test
    public void bytesUseBinaryUnits() {
        assertEquals("0 B", Formats.bytes(0));
        assertEquals("1023 B", Formats.bytes(1023));
        assertEquals("1.5 KB", Formats.bytes(1536));
        assertEquals("8.4 MB", Formats.bytes(8_808_038));
        assertEquals("2.0 GB", Formats.bytes(2L << 30));
    }

    @Test
    public void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("0.0 s", Formats.duration(Duration.ZERO));
        assertEquals("59.9 s", Formats.duration(Duration.ofMillis(59_949)));
        assertEquals("1 min 00 s", Formats.duration(Duration.ofSeconds(60)));
        assertEquals("59 min 59 s", Formats.duration(Duration.ofSeconds(3599)));
        assertEquals("1 h 02 min", Formats.duration(Duration.ofMinutes(62)));
        assertEquals("0.0 s", Formats.duration(Duration.ofSeconds(-3)));
    }

    @Test
    public void ratesAreRowsPerSecondAndZeroBeforeTimePasses() {
        assertEquals("2,500 rows/s", Formats.rate(5_000, Duration.ofSeconds(2)));
        assertEquals("0 rows/s", Formats.rate(5_000, Duration.ZERO));
    }

    @Test
    public void timesAreLocalToTheGivenZone() {
        Instant instant = Instant.parse("2026-11-28T01:02:03.456Z");
        assertEquals("2026-11-28 02:02:03", Formats.time(instant, ZoneId.of("Europe/Berlin")));
        assertEquals("never", Formats.time(Optional.empty(), ZoneId.of("UTC"), "never"));
    }
}
