package org.gatehouse.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class JstatGcTest {

    // as JDK 17's jstat -gc prints them
    private static final String HEADER = "    S0C         S1C         S0U         S1U          EC           EU"
            + "           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC"
            + "    FGCT     CGC    CGCT       GCT   ";
    private static final String LINE = "        0.0      4096.0         0.0      4096.0      90112.0      20480.0"
            + "      67584.0      30720.5     66048.0    64000.0    8704.0    8000.0     12     0.101     0"
            + "     0.000     4     0.010     0.111";

    @Test
    public void addsSurvivorEdenAndOldForTheHeapInUse() {
        JstatGc.Sample sample = JstatGc.forHeader(HEADER).orElseThrow().parse(LINE, 42).orElseThrow();

        assertEquals((long) ((4096.0 + 20480.0 + 30720.5) * 1024), sample.usedBytes());
        assertEquals((long) (30720.5 * 1024), sample.oldBytes());
        assertEquals(42, sample.nanoTime());
    }

    @Test
    public void skipsWhatIsNotASample() {
        JstatGc format = JstatGc.forHeader(HEADER).orElseThrow();

        assertTrue(format.parse("Terminated", 0).isEmpty());
        assertTrue(JstatGc.forHeader(LINE).isEmpty());
    }
}
