package org.gatehouse.connector.excel.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test workbooks built with POI: a sheet "Data" holding a table "Sales" (Name, Amount), optionally with a Power Query
 * part (the DataMashup stream of [MS-QDEFF] in customXml, as Excel stores it) whose section document is given.
 */
final class Workbooks {

    private Workbooks() {
    }

    /** Sheet "Data" with table "Sales": a/1, b/2.5, c/4. */
    static byte[] plain() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Data");
            Object[][] rows = {{"Name", "Amount"}, {"a", 1.0}, {"b", 2.5}, {"c", 4.0}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else {
                        row.createCell(c).setCellValue((Double) rows[r][c]);
                    }
                }
            }
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(0, 0),
                    new CellReference(rows.length - 1, 1), wb.getSpreadsheetVersion()));
            table.setName("Sales");
            table.setDisplayName("Sales");
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Remark");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** {@link #plain()} with an empty but formatted cell at D10 of "Data", which Excel counts in the sheet's range. */
    static byte[] plainWithFormattedEmptyCell() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(plain()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.CellStyle bordered = wb.createCellStyle();
            bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            wb.getSheet("Data").createRow(9).createCell(3).setCellStyle(bordered);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** {@link #plain()}'s "Data" sheet in the Excel 97-2003 format (.xls), which cannot hold a Power Query. */
    static byte[] plainXls() throws IOException {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Data");
            Object[][] rows = {{"Name", "Amount"}, {"a", 1.0}, {"b", 2.5}, {"c", 4.0}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else {
                        row.createCell(c).setCellValue((Double) rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** {@link #plain()} with a Power Query whose queries (all loaded to a sheet) are the given section's members. */
    static byte[] withPowerQuery(String section, String... queries) throws IOException {
        return addMashup(plain(), mashup(section, metadata(queries)));
    }

    private static String metadata(String... queries) {
        StringBuilder xml = new StringBuilder("<LocalPackageMetadataFile><Items>");
        for (String q : queries) {
            xml.append("<Item><ItemLocation><ItemType>Formula</ItemType><ItemPath>Section1/")
                    .append(q.replace(" ", "%20")).append("</ItemPath></ItemLocation><StableEntries>")
                    .append("<Entry Type=\"FillEnabled\" Value=\"l1\"/><Entry Type=\"FillTarget\" Value=\"s")
                    .append(q.replace(" ", "_")).append("\"/><Entry Type=\"ResultType\" Value=\"sTable\"/>")
                    .append("</StableEntries></Item>");
        }
        return xml.append("</Items></LocalPackageMetadataFile>").toString();
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** Version 0, the package parts (a zip holding Formulas/Section1.m), permissions, metadata, no bindings. */
    private static byte[] mashup(String section, String metadataXml) throws IOException {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(parts)) {
            zip.putNextEntry(new ZipEntry("Formulas/Section1.m"));
            zip.write(section.getBytes(StandardCharsets.UTF_8));
        }
        byte[] xml = metadataXml.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        metadata.write(int32(0));
        metadata.write(int32(xml.length));
        metadata.write(xml);
        metadata.write(int32(0));
        byte[] permissions = "<PermissionList/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(int32(0));
        stream.write(int32(parts.size()));
        stream.write(parts.toByteArray());
        stream.write(int32(permissions.length));
        stream.write(permissions);
        stream.write(int32(metadata.size()));
        stream.write(metadata.toByteArray());
        stream.write(int32(0));
        return stream.toByteArray();
    }

    /** A copy of the workbook with customXml/item1.xml holding the base64 stream, in UTF-16LE as Excel writes it. */
    private static byte[] addMashup(byte[] workbook, byte[] stream) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("customXml/item1.xml"));
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe});
            out.write(("<?xml version=\"1.0\" encoding=\"utf-16\"?><DataMashup xmlns=\"http://schemas.microsoft.com/"
                    + "DataMashup\">" + Base64.getEncoder().encodeToString(stream) + "</DataMashup>")
                    .getBytes(StandardCharsets.UTF_16LE));
        }
        return bytes.toByteArray();
    }
}
