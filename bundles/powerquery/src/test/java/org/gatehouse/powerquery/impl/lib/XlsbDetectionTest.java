package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

/** Which bytes Excel.Workbook reads as .xlsb: a zip whose central directory lists xl/workbook.bin. */
public class XlsbDetectionTest {

    private static byte[] zip(String comment, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    public void aBinaryWorkbookPartMakesAnXlsbWhereverItIsListed() throws IOException {
        assertTrue(XlsbTables.isXlsb(zip(null, "[Content_Types].xml", "xl/workbook.bin", "xl/styles.bin")));
        assertTrue(XlsbTables.isXlsb(zip("written by a test", "xl/worksheets/sheet1.bin", "XL/Workbook.bin")));
    }

    @Test
    public void xlsxZipsWithoutItAndNonZipsAreNot() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("Data").createRow(0).createCell(0).setCellValue("xl/workbook.bin");
            book.write(xlsx);
        }
        assertFalse(XlsbTables.isXlsb(xlsx.toByteArray()));
        assertFalse(XlsbTables.isXlsb(zip(null, "xl/workbook.xml", "docs/xl/workbook.bin.txt")));
        assertFalse(XlsbTables.isXlsb("xl/workbook.bin".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(XlsbTables.isXlsb(new byte[0]));
    }
}
