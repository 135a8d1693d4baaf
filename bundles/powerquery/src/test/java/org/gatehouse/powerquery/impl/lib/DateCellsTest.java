package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryResult;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Test;

/** Excel.Workbook types a date cell by its number format; Excel.CurrentWorkbook reads every date cell as a datetime. */
public class DateCellsTest {

    /** 41347 is 14 March 2013 in Excel's 1900 date system. */
    private static final double MARCH_14_2013 = 41347;

    /** Sheet "Orders": Order ID, a d-mmm-yy date, the same day at noon under d-mmm-yy, and an m/d/yyyy h:mm time. */
    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Orders");
            XSSFRow header = sheet.createRow(0);
            String[] names = {"Order ID", "Order Date", "Noon", "Shipped"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("CA-2011-100293");
            dated(wb, row, 1, MARCH_14_2013, "d-mmm-yy");
            dated(wb, row, 2, MARCH_14_2013 + 0.5, "d-mmm-yy");
            dated(wb, row, 3, MARCH_14_2013, "m/d/yyyy h:mm");
            sheet.createTable(new AreaReference(new CellReference(0, 0), new CellReference(1, 3),
                    wb.getSpreadsheetVersion())).setName("Orders");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void dated(XSSFWorkbook wb, XSSFRow row, int column, double serial, String format) {
        XSSFCellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        row.createCell(column).setCellValue(serial);
        row.getCell(column).setCellStyle(style);
    }

    /** The data of the first source of that kind (column Kind of Excel.Workbook). */
    private static MTable source(MTable book, String kind) {
        for (Object[] source : book.rows()) {
            if (kind.equals(Thunk.force(source[3]))) {
                return Values.table(Thunk.force(source[1]));
            }
        }
        throw new AssertionError("no " + kind);
    }

    private static List<Object> lastRow(MTable data) {
        return Arrays.stream(data.rows().get(data.rows().size() - 1)).map(Thunk::force).toList();
    }

    @Test
    public void excelWorkbookReadsADateOnlyFormatAsADate() throws IOException {
        LocalDate day = LocalDate.of(2013, 3, 14);
        List<Object> expected = List.of("CA-2011-100293", day, day.atTime(12, 0), day.atStartOfDay());
        MTable book = ExcelTables.workbook(workbook(), false);
        assertEquals(expected, lastRow(source(book, "Sheet")));
        assertEquals(expected, lastRow(source(book, "Table")));
    }

    @Test
    public void excelCurrentWorkbookReadsEveryDateAsADateTime() throws IOException {
        LocalDateTime midnight = LocalDate.of(2013, 3, 14).atStartOfDay();
        MTable table = Values.table(Thunk.force(ExcelTables.currentWorkbook(workbook()).rows().get(0)[1]));
        assertEquals(List.of("CA-2011-100293", midnight, midnight.plusHours(12), midnight), lastRow(table));
    }

    /** The corpus workbook's step: a date cell turned to text in en-GB shows no time of day. */
    @Test
    public void aDateCellTurnedToTextShowsOnlyTheDay() throws IOException {
        byte[] bytes = workbook();
        QueryResult r = PowerQuery.evaluate("section S; shared Q = let Sheet = Excel.Workbook(File.Contents(\"o.xlsx\"),"
                + " null, true){[Item=\"Orders\",Kind=\"Sheet\"]}[Data] in"
                + " Table.TransformColumnTypes(Sheet, {{\"Column2\", type text}, {\"Column4\", type text}}, \"en-GB\");",
                "Q", path -> bytes);
        List<Object> row = r.rows().get(1);
        assertEquals(List.of("14/03/2013", "14/03/2013 00:00:00"), List.of(row.get(1), row.get(3)));
    }

    @Test
    public void formatsWithAnHourSecondOrAmPmShowTheTime() {
        assertTrue(DateCells.showsOnlyDate("d-mmm-yy"));
        assertTrue(DateCells.showsOnlyDate("[$-409]mmmm d, yyyy;@"));
        assertTrue(DateCells.showsOnlyDate("\"Shipped \"dd/mm/yyyy"));
        assertTrue(DateCells.showsOnlyDate("[Red]dd\\hmm\\s"));
        assertFalse(DateCells.showsOnlyDate("m/d/yyyy h:mm"));
        assertFalse(DateCells.showsOnlyDate("[h]:mm"));
        assertFalse(DateCells.showsOnlyDate("mm:ss"));
        assertFalse(DateCells.showsOnlyDate("d/m/yy AM/PM"));
        assertFalse(DateCells.showsOnlyDate(null));
    }
}
