package org.gatehouse.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.Test;

public class RowChecksumTest {

    private static final Object[] FIRST = {1L, LocalDate.of(2020, 1, 2), "South", 2, new BigDecimal("0.81"), null};
    private static final Object[] SECOND = {2L, LocalDate.of(2020, 1, 3), "East", 3, new BigDecimal("1.12"), true};

    @Test
    public void doesNotDependOnRowOrder() {
        assertEquals(checksum(FIRST, SECOND), checksum(SECOND, FIRST));
    }

    @Test
    public void seesEveryValueIncludingTheDecimalScale() {
        Object[] rescaled = FIRST.clone();
        rescaled[4] = new BigDecimal("0.810");
        assertNotEquals(checksum(FIRST, SECOND), checksum(rescaled, SECOND));
    }

    @Test
    public void countsRows() {
        RowChecksum checksum = new RowChecksum();
        checksum.add(FIRST);
        checksum.add(FIRST);
        assertEquals(2, checksum.rows());
    }

    private static String checksum(Object[]... rows) {
        RowChecksum checksum = new RowChecksum();
        for (Object[] row : rows) {
            // the reader reuses its row array, so the checksum must not keep a reference to it
            checksum.add(row.clone());
        }
        return checksum.hex();
    }
}
