package org.gatehouse.connector.file.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.RowSource;
import org.junit.Before;
import org.junit.Test;

public class XlsxFileTest extends FileTestSupport {

    @Before
    public void writeWorkbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFCellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

            XSSFSheet sales = workbook.createSheet("Sales");
            XSSFRow header = sales.createRow(0);
            header.createCell(0).setCellValue("Region");
            header.createCell(1).setCellValue("Day");
            header.createCell(2).setCellValue("Amount");
            header.createCell(3).setCellValue("Paid");
            Object[][] data = {{"North", LocalDate.of(2024, 1, 31), 12.5, true}, {"South", LocalDate.of(2024, 2, 1), 3.0,
                    false}};
            for (int r = 0; r < data.length; r++) {
                XSSFRow row = sales.createRow(r + 1);
                row.createCell(0).setCellValue((String) data[r][0]);
                row.createCell(1).setCellValue((LocalDate) data[r][1]);
                row.getCell(1).setCellStyle(dateStyle);
                row.createCell(2).setCellValue((Double) data[r][2]);
                row.createCell(3).setCellValue((Boolean) data[r][3]);
            }
            // a gap row, then a row with a formula whose cached value is a string
            sales.createRow(5).createCell(0).setCellFormula("\"We\"&\"st\"");
            sales.getRow(5).createCell(2).setCellValue(7);

            XSSFSheet other = workbook.createSheet("Other");
            other.createRow(0).createCell(0).setCellValue("ignored title");
            for (int r = 2; r <= 5; r++) {
                XSSFRow row = other.createRow(r);
                row.createCell(1).setCellValue(r == 2 ? "Code" : "c" + r);
                row.createCell(2).setCellValue(r == 2 ? "Qty" : String.valueOf(r * 10));
                row.createCell(3).setCellValue("outside the table");
            }
            XSSFTable table = other.createTable(new AreaReference(new CellReference("B3"), new CellReference("C6"),
                    SpreadsheetVersion.EXCEL2007));
            table.setName("Items");
            table.setDisplayName("Items");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(root.resolve("book.xlsx"))) {
                workbook.write(out);
            }
        }
    }

    @Test
    public void theFirstSheetIsReadWithTypesFromItsCells() throws Exception {
        RowSource source = open("book.xlsx");
        assertEquals(List.of(new Column("Region", ColumnType.STRING), new Column("Day", ColumnType.DATE),
                new Column("Amount", ColumnType.DOUBLE), new Column("Paid", ColumnType.BOOLEAN)),
                source.schema().columns());
        assertEquals(List.of(Arrays.asList("North", LocalDate.of(2024, 1, 31), 12.5, true),
                Arrays.asList("South", LocalDate.of(2024, 2, 1), 3.0, false),
                Arrays.asList("West", null, 7.0, null)), Rows.all(source));
    }

    @Test
    public void aNamedTableIsReadFromItsRangeOnly() throws Exception {
        RowSource source = open("book.xlsx!Items");
        assertEquals(List.of(new Column("Code", ColumnType.STRING), new Column("Qty", ColumnType.LONG)),
                source.schema().columns());
        assertEquals(List.of(List.of("c3", 30L), List.of("c4", 40L), List.of("c5", 50L)), Rows.all(source));
        // the same through the 'table' setting
        assertEquals(3, Rows.all(open("book.xlsx", "table", "items")).size());
    }

    @Test
    public void aSheetIsChosenByNameAndAnUnknownNameListsWhatThereIs() throws Exception {
        RowSource source = open("book.xlsx", "sheet", "Other", "header", "false");
        assertEquals(4, source.schema().size());
        List<List<Object>> rows = Rows.all(source);
        assertEquals(Arrays.asList("ignored title", null, null, null), rows.get(0));
        assertEquals(5, rows.size());

        ConnectorException e = failure("book.xlsx!Nope");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertEquals("data source files, query q: book.xlsx has no table or sheet 'Nope' (sheets: Sales, Other; "
                + "tables: Items)", e.getMessage());
    }

    @Test
    public void aDamagedWorkbookFailsClearly() throws Exception {
        Files.writeString(root.resolve("broken.xlsx"), "this is not a zip");
        ConnectorException e = failure("broken.xlsx");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("broken.xlsx is not a readable XLSX/XLSM workbook"));
    }

    @Test
    public void workbooksCombineInAFolderSource() throws Exception {
        Path copy = root.resolve("more/b2.xlsx");
        Files.createDirectories(copy.getParent());
        Files.copy(root.resolve("book.xlsx"), copy);
        Files.copy(root.resolve("book.xlsx"), root.resolve("more/b1.xlsm"));
        List<List<Object>> rows = Rows.all(open("more/*.xls?", "sheet", "Sales"));
        assertEquals(6, rows.size());
        assertEquals("b1.xlsm", rows.get(0).get(0));
        assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0).toLocalDate(), rows.get(4).get(2));
    }
}
