package org.gatehouse.core.impl.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.gatehouse.api.schedule.ScheduleForm;
import org.gatehouse.api.schedule.Timing;
import org.junit.Test;

public class FireTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    public void weeklyTimesFireInTheScheduleZoneInOrder() {
        Timing timing = ScheduleForm.parse("--days mon-fri --times 12:30,08:00 --zone Europe/Paris").timing();
        // Friday 2026-11-27 10:00 in Paris
        List<Instant> next = FireTimes.of(timing).next(paris(2026, 11, 27, 10, 0), 4);
        assertEquals(List.of(paris(2026, 11, 27, 12, 30), paris(2026, 11, 30, 8, 0), paris(2026, 11, 30, 12, 30),
                paris(2026, 12, 1, 8, 0)), next);
    }

    @Test
    public void aCronEveryFifteenMinutesInUtc() {
        Timing timing = ScheduleForm.parse("--cron \"0 0/15 * * * ?\" --zone UTC").timing();
        assertEquals(List.of(Instant.parse("2026-03-01T10:15:00Z"), Instant.parse("2026-03-01T10:30:00Z")),
                FireTimes.of(timing).next(Instant.parse("2026-03-01T10:00:00Z"), 2));
    }

    @Test
    public void aSlotThatDoesNotExistOnTheSpringForwardDayIsLeftOut() {
        // 2026-03-29 in Paris: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day
        Timing timing = ScheduleForm.parse("--times 02:30 --zone Europe/Paris").timing();
        assertEquals(List.of(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"),
                Instant.parse("2026-03-31T00:30:00Z")), FireTimes.of(timing).next(paris(2026, 3, 27, 12, 0), 3));
    }

    @Test
    public void theRepeatedSlotOnTheFallBackDayFiresOnce() {
        // 2026-10-25 in Paris: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice (00:30Z and 01:30Z)
        Timing timing = ScheduleForm.parse("--times 02:30 --zone Europe/Paris").timing();
        assertEquals(List.of(Instant.parse("2026-10-24T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-10-26T01:30:00Z")), FireTimes.of(timing).next(paris(2026, 10, 23, 12, 0), 3));
        assertEquals("nor a second time after the first 02:30", Instant.parse("2026-10-26T01:30:00Z"),
                FireTimes.of(timing).next(Instant.parse("2026-10-25T00:30:00Z"), 1).get(0));
    }

    @Test
    public void aWeeklyScheduleInItsZoneFollowsTheClockChangeInUtc() {
        Timing timing = ScheduleForm.parse("--days sun --times 08:00,12:30 --zone Europe/Paris").timing();
        assertEquals(List.of(Instant.parse("2026-10-25T07:00:00Z"), Instant.parse("2026-10-25T11:30:00Z"),
                Instant.parse("2026-11-01T07:00:00Z")), FireTimes.of(timing).next(Instant.parse("2026-10-18T12:00:00Z"),
                3));
        assertEquals(Instant.parse("2026-10-18T10:30:00Z"), FireTimes.of(timing)
                .next(Instant.parse("2026-10-18T07:00:00Z"), 1).get(0));
    }

    @Test
    public void anEveryTwoSecondCronCrossesTheSpringGapWithoutStopping() {
        Timing timing = ScheduleForm.parse("--cron \"0/2 * * * * ?\" --zone Europe/Paris").timing();
        List<Instant> next = FireTimes.of(timing).next(Instant.parse("2026-03-29T00:59:58Z"), 2);
        assertEquals(List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:00:02Z")), next);
    }

    @Test
    public void aCronExpressionQuartzRefusesIsRefusedInOneLine() {
        try {
            FireTimes.of(new Timing.Cron("0 0 25 * * ?", ZoneId.of("UTC")));
            fail("hour 25 accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("the cron expression '0 0 25 * * ?' is not valid"));
            assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        }
        try {
            FireTimes.of(new Timing.Cron("0 0 12 * * MON", ZoneId.of("UTC")));
            fail("day of month and day of week both given");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not valid"));
        }
    }

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), PARIS).toInstant();
    }
}
