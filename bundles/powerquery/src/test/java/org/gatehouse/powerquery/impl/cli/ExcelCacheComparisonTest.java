package org.gatehouse.powerquery.impl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** How `check` compares a refresh with the table Excel cached. */
public class ExcelCacheComparisonTest {

    @Test
    public void userColumnsBesideTheQueryColumnsAreIgnored() {
        List<List<String>> cached = List.of(List.of("Qty", "Price", "Revenue"), List.of("2", "3", "6"));
        assertTrue(ExcelCache.firstDifference(List.of("Qty", "Price"),
                List.of(Arrays.<Object>asList(2.0, 3.0)), cached).isEmpty());
    }

    @Test
    public void anUntypedDateMatchesTheSerialExcelWrote() {
        // Excel writes the dates of an any-typed column as bare serial numbers (43780 is 2019-11-11)
        List<List<String>> cached = List.of(List.of("When"), List.of("43780"), List.of("43780.5"));
        assertTrue(ExcelCache.firstDifference(List.of("When"), List.of(Arrays.<Object>asList("11/11/2019 12:00:00 AM"),
                Arrays.<Object>asList(LocalDateTime.of(2019, 11, 11, 12, 0))), cached).isEmpty());
        assertEquals("row 1 column When: 11/12/2019 12:00:00 AM, Excel has 43780",
                ExcelCache.firstDifference(List.of("When"), List.of(Arrays.<Object>asList("11/12/2019 12:00:00 AM")),
                        List.of(List.of("When"), List.of("43780"))).orElseThrow());
    }

    @Test
    public void aTimeCellIsATimeOfDay() {
        // Excel's time cell is a fraction of a day, read back as a datetime on 1899-12-31
        assertEquals("22:00", ExcelCache.normalize(LocalDateTime.of(1899, 12, 31, 22, 0)));
        assertEquals(ExcelCache.normalize(java.time.LocalTime.of(22, 0)),
                ExcelCache.normalize(LocalDateTime.of(1899, 12, 31, 22, 0)));
        assertEquals("1900-01-01T06:00", ExcelCache.normalize(LocalDateTime.of(1900, 1, 1, 6, 0)));
    }
}
