package org.gatehouse.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CpuClockTest {

    @Test
    public void addsOwnAndReapedChildrenTimes() {
        // a command name with a space in it must not shift the fields after it
        String stat = "3005 (postgres x) S 1 3005 3005 0 -1 4194560 1020 6412 0 4 120 35 3500 83 20 0 1 0 250 "
                + "229310464 7000 18446744073709551615 1 1 0 0 0 0 4194304 1 1 0 0 0 17 1 0 0 0 0 0";

        assertEquals(120 + 35 + 3500 + 83, CpuClock.ownAndChildrenTicks(stat));
    }

    @Test
    public void countsNothingForAnUnreadableLine() {
        assertEquals(0, CpuClock.ownAndChildrenTicks(""));
    }
}
