package org.gatehouse.api.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.Test;

public class ScheduleFormTest {

    @Test
    public void daysAndTimesWithAZone() {
        ScheduleForm form = ScheduleForm.parse("--days mon-fri --times 08:00,12:30 --zone Europe/Paris");
        Timing.Weekly weekly = (Timing.Weekly) form.timing();
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), weekly.days());
        assertEquals(List.of(LocalTime.of(8, 0), LocalTime.of(12, 30)), List.copyOf(weekly.times()));
        assertEquals(ZoneId.of("Europe/Paris"), weekly.zone());
        assertEquals(MisfirePolicy.SKIP, form.misfire());
    }

    @Test
    public void aQuotedCronExpressionAndAMisfirePolicy() {
        ScheduleForm form = ScheduleForm.parse("--cron \"0 0/15 * * * ?\" --zone UTC --misfire run-once");
        assertEquals(new Timing.Cron("0 0/15 * * * ?", ZoneId.of("UTC")), form.timing());
        assertEquals(MisfirePolicy.RUN_ONCE, form.misfire());
    }

    @Test
    public void wordsAsAShellHandsThemOver() {
        assertEquals(new Timing.Cron("0/2 * * * * ?", ZoneId.of("UTC")),
                ScheduleForm.parse(List.of("--cron", "0/2 * * * * ?", "--zone", "UTC")).timing());
    }

    @Test
    public void dayListsRangesThatWrapAndDaily() {
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                ScheduleForm.days("mon,wed,Friday"));
        assertEquals(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                ScheduleForm.days("fri-mon"));
        assertEquals(EnumSet.allOf(DayOfWeek.class), ScheduleForm.days("daily"));
    }

    @Test
    public void withoutDaysEveryDayIsMeant() {
        Timing.Weekly weekly = (Timing.Weekly) ScheduleForm.of(null, "6:05", null, "UTC", null).timing();
        assertEquals(EnumSet.allOf(DayOfWeek.class), weekly.days());
        assertEquals(List.of("0 5 6 ? * *"), weekly.cronExpressions());
    }

    @Test
    public void weeklyTimesBecomeOneCronExpressionPerDistinctMinute() {
        Timing weekly = ScheduleForm.parse("--days mon-fri,sun --times 08:00,12:30,17:00,23:30,00:15 --zone UTC")
                .timing();
        assertEquals(List.of("0 0 8,17 ? * MON,TUE,WED,THU,FRI,SUN", "0 15 0 ? * MON,TUE,WED,THU,FRI,SUN",
                "0 30 12,23 ? * MON,TUE,WED,THU,FRI,SUN"), weekly.cronExpressions());
    }

    @Test
    public void noCapOnTimesADay() {
        StringBuilder times = new StringBuilder();
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            times.append(times.length() == 0 ? "" : ",").append(LocalTime.of(minute / 60, minute % 60));
        }
        Timing.Weekly weekly = (Timing.Weekly) ScheduleForm.of("daily", times.toString(), null, "UTC", null)
                .timing();
        assertEquals(288, weekly.times().size());
        assertEquals(12, weekly.cronExpressions().size());
    }

    @Test
    public void theDescriptionParsesBackToTheSameTiming() {
        for (String line : List.of("--days sat-sun --times 09:45 --zone America/New_York",
                "--cron \"0 0 3 ? * MON\" --zone Asia/Tokyo")) {
            Timing timing = ScheduleForm.parse(line).timing();
            assertEquals(timing, ScheduleForm.parse(timing.describe()).timing());
        }
    }

    @Test
    public void badInputIsRefusedInOneLine() {
        refused("--days mon-fri --times 8h --zone UTC", "bad time of day '8h'");
        refused("--days mon-fro --times 08:00 --zone UTC", "unknown day 'fro'");
        refused("--times 25:00 --zone UTC", "bad time of day '25:00'");
        refused("--times 08:00 --zone Mars/Olympus", "unknown time zone 'Mars/Olympus'");
        refused("--times 08:00", "--zone is required");
        refused("--cron \"0 0 *\" --zone UTC", "6 or 7 fields");
        refused("--cron \"0 0 * * * ?\" --times 08:00 --zone UTC", "either --cron or --days");
        refused("--days mon --zone UTC", "give --times");
        refused("--cron \"0 0 * * * ?\" --zone UTC --misfire later", "unknown misfire policy 'later'");
        refused("--every 5m --zone UTC", "unknown option --every");
        refused("--cron \"0 0 * * * ? --zone UTC", "not closed");
        refused("--zone", "--zone needs a value");
    }

    private static void refused(String line, String expected) {
        try {
            ScheduleForm.parse(line);
            fail("accepted: " + line);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        }
    }
}
