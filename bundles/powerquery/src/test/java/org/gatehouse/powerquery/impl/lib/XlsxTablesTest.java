package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Test;

/**
 * Excel.Workbook and Excel.CurrentWorkbook read an .xlsx from its XML parts ({@link XlsxTables}): the values of the
 * cells, whatever wrote the zip, and each sheet only when its data is asked for.
 */
public class XlsxTablesTest {

    private static final int ROWS = 20_000;

    /** Written by POI's streaming writer: inline strings, and a zip whose entries carry data descriptors. */
    private static byte[] streamedWorkbook() throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            Sheet sheet = wb.createSheet("Sales");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Id");
            header.createCell(1).setCellValue("Region");
            header.createCell(2).setCellValue("Day");
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(r % 2 == 0 ? "North" : "South");
                row.createCell(2).setCellValue(LocalDate.of(2024, 1, 1).plusDays(r % 365));
                row.getCell(2).setCellStyle(date);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    public void aStreamedWorkbookReadsAllItsRows() throws IOException {
        MTable book = ExcelTables.workbook(streamedWorkbook(), true);
        MTable sales = Values.table(Thunk.force(book.rows().get(0)[1]));
        assertEquals(List.of("Id", "Region", "Day"), sales.columns());
        assertEquals(ROWS, sales.rows().size());
        Object[] last = sales.rows().get(ROWS - 1);
        assertEquals((double) ROWS, Thunk.force(last[0]));
        assertEquals("North", Thunk.force(last[1]));
        assertEquals(LocalDate.of(2024, 1, 1).plusDays(ROWS % 365), Thunk.force(last[2]));
    }

    @Test
    public void textKeepsCarriageReturnsAndRichTextRuns() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFRow row = wb.createSheet("Notes").createRow(0);
            row.createCell(0).setCellValue("line one\r\nline two");
            org.apache.poi.xssf.usermodel.XSSFRichTextString rich = new org.apache.poi.xssf.usermodel.XSSFRichTextString("bold ");
            rich.append("and plain");
            row.createCell(1).setCellValue(rich);
            wb.write(out);
            bytes = out.toByteArray();
        }
        Object[] first = Values.table(Thunk.force(ExcelTables.workbook(bytes, false).rows().get(0)[1])).rows().get(0);
        assertEquals("line one\r\nline two", Thunk.force(first[0]));
        assertEquals("bold and plain", Thunk.force(first[1]));
    }

    @Test
    public void datesOfA1904WorkbookCountFrom1904() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr()
                    : wb.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            XSSFRow row = wb.createSheet("Log").createRow(0);
            row.createCell(0).setCellValue(0.5); // noon of the first day of the 1904 date system
            row.getCell(0).setCellStyle(style);
            wb.write(out);
            bytes = out.toByteArray();
        }
        Object[] first = Values.table(Thunk.force(ExcelTables.workbook(bytes, false).rows().get(0)[1])).rows().get(0);
        assertEquals(LocalDateTime.of(1904, 1, 1, 12, 0), Thunk.force(first[0]));
    }

    @Test
    public void aFormulasCachedResultsAreItsValues() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFRow row = wb.createSheet("Calc").createRow(0);
            row.createCell(0).setCellValue(2);
            row.createCell(1).setCellFormula("A1*21");
            row.createCell(2).setCellFormula("IF(A1>1,\"big\",\"small\")");
            row.createCell(3).setCellFormula("A1>1");
            row.createCell(4).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            bytes = out.toByteArray();
        }
        Object[] first = Values.table(Thunk.force(ExcelTables.workbook(bytes, false).rows().get(0)[1])).rows().get(0);
        assertEquals(42.0, Thunk.force(first[1]));
        assertEquals("big", Thunk.force(first[2]));
        assertEquals(true, Thunk.force(first[3]));
        try {
            Thunk.force(first[4]);
            fail("an error cell raises when read");
        } catch (MException e) {
            assertEquals("DataFormat.Error", e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("#DIV/0!"));
        }
    }

    @Test
    public void aDamagedSheetFailsOnlyTheItemThatReadsIt() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Good").createRow(0).createCell(0).setCellValue("fine");
            wb.createSheet("Bad").createRow(0).createCell(0).setCellValue("lost");
            wb.write(out);
            bytes = out.toByteArray();
        }
        byte[] damaged = replaceEntry(bytes, "xl/worksheets/sheet2.xml",
                "<worksheet><sheetData><row><c t=\"s\"><v>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MTable book = ExcelTables.workbook(damaged, false);
        assertEquals("fine", Thunk.force(Values.table(Thunk.force(book.rows().get(0)[1])).rows().get(0)[0]));
        try {
            Thunk.force(book.rows().get(1)[1]);
            fail("the damaged sheet cannot be read");
        } catch (MException e) {
            assertEquals("DataFormat.Error", e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("'Bad'"));
        }
    }

    @Test
    public void notAZipIsADataFormatError() {
        try {
            ExcelTables.workbook("just text".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            fail("text is not a workbook");
        } catch (MException e) {
            assertEquals("DataFormat.Error", e.reason());
        }
    }

    @Test
    public void anEmptySheetIsAnEmptyTable() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Empty");
            wb.write(out);
            bytes = out.toByteArray();
        }
        MTable empty = Values.table(Thunk.force(ExcelTables.workbook(bytes, true).rows().get(0)[1]));
        assertTrue(empty.columns().isEmpty());
        assertTrue(empty.rows().isEmpty());
    }

    /**
     * A workbook whose LAMBDA names carry argument descriptions holds {@code x14:definedName} elements with elements
     * inside (a public portfolio .xlsm): they are an extension's, not names of ranges, and do not stop the reading.
     */
    @Test
    public void extensionDefinedNamesAreNotRangeNames() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("kept");
            org.apache.poi.ss.usermodel.Name name = wb.createName();
            name.setNameName("Cell");
            name.setRefersToFormula("Data!$A$1");
            wb.write(out);
            bytes = out.toByteArray();
        }
        String workbookXml;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            java.util.zip.ZipEntry e;
            while (!(e = in.getNextEntry()).getName().equals("xl/workbook.xml")) {
                // skip to the workbook part
            }
            workbookXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String extension = "<extLst><ext uri=\"{FCE6A71B-6B00-49CD-AB44-F6B1AE7CDE65}\" "
                + "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\"><x14:definedNames>"
                + "<x14:definedName name=\"Twice\"><x14:argumentDescriptions count=\"1\">"
                + "<x14:argumentDescription index=\"0\">the number</x14:argumentDescription>"
                + "</x14:argumentDescriptions></x14:definedName></x14:definedNames></ext></extLst></workbook>";
        byte[] extended = replaceEntry(bytes, "xl/workbook.xml", workbookXml.replace("</workbook>", extension)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MTable book = ExcelTables.workbook(extended, false);
        assertEquals(2, book.rows().size()); // the sheet and the range name, not the LAMBDA's description
        assertEquals("kept", Thunk.force(Values.table(Thunk.force(book.rows().get(0)[1])).rows().get(0)[0]));
        assertEquals(1, ExcelTables.currentWorkbook(extended).rows().size());
    }

    /** The zip with one entry's content replaced. */
    static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content : in.readAllBytes());
            }
        }
        return bytes.toByteArray();
    }
}
