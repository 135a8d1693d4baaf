package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Test;

/** A typed-in cell holding an empty text reads as "" (not null); an empty cell as null. */
public class EmptyTextCellTest {

    @Test
    public void anEmptySharedStringIsEmptyText() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFRow header = wb.createSheet("Students").createRow(0);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("Course");
            XSSFRow row = wb.getSheet("Students").createRow(1);
            row.createCell(0).setCellValue("Belinda");
            row.createCell(1).setCellValue("");
            XSSFRow other = wb.getSheet("Students").createRow(2);
            other.createCell(0).setCellValue("Benny");
            wb.write(out);
            bytes = out.toByteArray();
        }
        MTable book = ExcelTables.workbook(bytes, true);
        MTable sheet = Values.table(Thunk.force(book.rows().get(0)[1]));
        assertEquals("", Thunk.force(sheet.rows().get(0)[1]));
        assertNull(Thunk.force(sheet.rows().get(1)[1]));
    }
}
