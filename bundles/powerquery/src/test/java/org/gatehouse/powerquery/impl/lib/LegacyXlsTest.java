package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Name;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryResult;
import org.junit.Test;

/** Excel.Workbook over an Excel 97-2003 (.xls) file: its sheets and defined names, as for an .xlsx. */
public class LegacyXlsTest {

    private static byte[] legacyWorkbook() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSSFSheet sheet = wb.createSheet("Sales");
            HSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("Region");
            header.createCell(1).setCellValue("Day");
            header.createCell(2).setCellValue("Amount");
            HSSFCellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("m/d/yyyy"));
            Object[][] data = {{"North", 45292.0, 120.5}, {"South", 45293.0, 99.0}};
            for (int r = 0; r < data.length; r++) {
                HSSFRow row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) data[r][0]);
                row.createCell(1).setCellValue((Double) data[r][1]);
                row.getCell(1).setCellStyle(dateStyle);
                row.createCell(2).setCellValue((Double) data[r][2]);
            }
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("kept apart");
            Name amounts = wb.createName();
            amounts.setNameName("Amounts");
            amounts.setRefersToFormula("Sales!$C$2:$C$3");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static QueryResult evaluate(String expression, byte[] file) {
        return PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", path -> file);
    }

    @Test
    public void sheetsAndNamesOfAnXlsFileAreListed() throws IOException {
        QueryResult r = evaluate("Table.SelectColumns(Excel.Workbook(File.Contents(\"old.xls\")), {\"Name\", \"Kind\"})",
                legacyWorkbook());
        assertEquals(List.of(List.of("Sales", "Sheet"), List.of("Notes", "Sheet"), List.of("Amounts", "DefinedName")),
                r.rows());
    }

    @Test
    public void aSheetReadsWithPromotedHeadersAndDatesWithTheirTime() throws IOException {
        QueryResult r = evaluate("Excel.Workbook(File.Contents(\"old.xls\"), true){[Item=\"Sales\",Kind=\"Sheet\"]}[Data]",
                legacyWorkbook());
        assertEquals(List.of("Region", "Day", "Amount"), r.columnNames());
        assertEquals(2, r.rows().size());
        assertEquals("North", r.rows().get(0).get(0));
        assertEquals(120.5, r.rows().get(0).get(2));
        assertEquals(99.0, r.rows().get(1).get(2));
        QueryResult day = evaluate("Excel.Workbook(File.Contents(\"old.xls\"), true){0}[Data]{1}[Day]",
                legacyWorkbook());
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), day.rows().get(0).get(0));
    }

    @Test
    public void aDefinedNameReadsItsRange() throws IOException {
        QueryResult r = evaluate("Excel.Workbook(File.Contents(\"old.xls\")){[Item=\"Amounts\"]}[Data]",
                legacyWorkbook());
        assertEquals(List.of(List.of(120.5), List.of(99.0)), r.rows());
    }

    /** The Excel 97-2003 format cannot hold a Power Query: such a workbook is reported as having none, not as corrupt. */
    @Test
    public void anXlsHasNoPowerQuery() throws IOException {
        assertTrue(PowerQuery.readMashup(legacyWorkbook()).isEmpty());
    }

    @Test
    public void aDamagedXlsIsAFormatError() {
        byte[] damaged = java.util.Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                (byte) 0xB1, 0x1A, (byte) 0xE1}, 600);
        QueryResult r = evaluate("Excel.Workbook(File.Contents(\"bad.xls\"))", damaged);
        assertTrue(r.failed());
        assertEquals("DataFormat.Error", r.error().reason());
        assertTrue(r.error().getMessage(), r.error().getMessage().contains(".xls"));
    }
}
