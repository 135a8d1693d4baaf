package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.binary.XSSFBSharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.xml.sax.SAXException;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MTable;

/**
 * Excel.Workbook over an .xlsb (binary) workbook, read-only with POI's binary-part parser: one row per worksheet, its
 * used range as the data. The tables and defined names of an .xlsb are binary records POI does not read, so they are
 * not listed (Excel.CurrentWorkbook, which reads only those, says so).
 */
final class XlsbTables {

    private static final String BINARY_WORKBOOK_PART = "xl/workbook.bin";

    private XlsbTables() {
    }

    /** Whether the bytes are an .xlsb package: a zip whose workbook part is binary. */
    static boolean isXlsb(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equalsIgnoreCase(BINARY_WORKBOOK_PART)) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false; // not a zip: whoever opens it reports what it is
        }
        return false;
    }

    static MTable workbook(byte[] bytes, boolean useHeaders) {
        List<Object[]> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFBReader reader = new XSSFBReader(pkg);
            XSSFBSharedStringsTable strings = new XSSFBSharedStringsTable(pkg);
            XlsbStyles styles;
            try (InputStream stylesPart = reader.getStylesData()) {
                styles = XlsbStyles.read(stylesPart);
            }
            XSSFBReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                List<Object[]> cells;
                try (InputStream sheet = sheets.next()) {
                    cells = XlsbSheet.read(sheet, styles, strings);
                }
                String name = sheets.getSheetName();
                int width = cells.isEmpty() ? 0 : cells.get(0).length;
                rows.add(new Object[] {name, ExcelTables.withColumnNames(cells, width, useHeaders), name, "Sheet",
                        false});
            }
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            if (e instanceof org.gatehouse.powerquery.MException m) {
                throw m;
            }
            throw Errors.dataFormat("The .xlsb workbook could not be read: " + e.getMessage());
        }
        return new MTable(List.of("Name", "Data", "Item", "Kind", "Hidden"), null, rows);
    }
}
