package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import java.util.TimeZone;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Functions that answer in the machine's time zone, checked on the function reference's own examples, whose outputs
 * were taken in Pacific time.
 */
public class LocalTimeZoneTest {

    private TimeZone machineZone;

    @Before
    public void inPacificTime() {
        machineZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    }

    @After
    public void restoreTheMachinesZone() {
        TimeZone.setDefault(machineZone);
    }

    @Test
    public void aFileTimeIsGivenInLocalTime() {
        // 129876402529842245 is not a double: the nearest one is ...240, 0.5 microseconds earlier
        same("#datetimezone(2012, 7, 24, 14, 50, 52.984224, -7, 0)", "DateTimeZone.FromFileTime(129876402529842245)");
        same("#datetime(2012, 7, 24, 14, 50, 52.984224)", "DateTime.FromFileTime(129876402529842245)");
    }

    @Test
    public void toLocalMovesToTheMachinesOffsetOnThatDay() {
        // the reference prints 12:26:02 -08:00 here, which is a different instant (20:26 UTC, not 04:26 UTC)
        same("#datetimezone(2010, 12, 30, 20, 26, 2, -8, 0)",
                "DateTimeZone.ToLocal(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30))");
        same("#datetimezone(2010, 7, 1, 12, 0, 0, -7, 0)", "DateTimeZone.ToLocal(#datetimezone(2010, 7, 1, 19, 0, 0, 0, 0))");
    }
}
