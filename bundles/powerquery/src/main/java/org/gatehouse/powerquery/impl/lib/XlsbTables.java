package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xssf.binary.XSSFBSharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Excel.Workbook and Excel.CurrentWorkbook over an .xlsb (binary) workbook, read-only with POI's binary-part parser:
 * its worksheets (their used ranges), its tables (ListObjects, {@link XlsbTablePart}) and its defined names that are
 * cell ranges ({@link XlsbNames}), listed as for .xlsx.
 */
final class XlsbTables {

    private static final String BINARY_WORKBOOK_PART = "xl/workbook.bin";

    private XlsbTables() {
    }

    /**
     * Whether the bytes are an .xlsb package: a zip whose workbook part is binary. Only the zip's central directory
     * (at its end) is read, so that asking costs nothing next to reading a large .xlsx.
     */
    static boolean isXlsb(byte[] bytes) {
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            if (zip.getInt(i) == 0x06054b50) { // end of central directory record; a comment may follow it
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false; // not a zip: whoever opens it reports what it is
        }
        int entries = zip.getShort(end + 10) & 0xffff;
        long offset = zip.getInt(end + 16) & 0xffffffffL;
        byte[] wanted = BINARY_WORKBOOK_PART.getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < entries && offset + 46 <= bytes.length; n++) {
            int at = (int) offset;
            if (zip.getInt(at) != 0x02014b50) { // central directory file header
                return false;
            }
            int nameLength = zip.getShort(at + 28) & 0xffff;
            int extraLength = zip.getShort(at + 30) & 0xffff;
            int commentLength = zip.getShort(at + 32) & 0xffff;
            if (nameLength == wanted.length && at + 46 + nameLength <= bytes.length
                    && new String(bytes, at + 46, nameLength, StandardCharsets.US_ASCII)
                    .equalsIgnoreCase(BINARY_WORKBOOK_PART)) {
                return true;
            }
            offset += 46L + nameLength + extraLength + commentLength;
        }
        return false;
    }

    /**
     * Excel.Workbook: one row per sheet (Kind "Sheet"), table ("Table") and defined name that is a range
     * ("DefinedName"), in that order as for .xlsx.
     */
    static MTable workbook(byte[] bytes, boolean useHeaders) {
        Contents book = read(bytes);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, XlsbSheet> sheet : book.sheets().entrySet()) {
            List<Object[]> cells = sheet.getValue().usedRange();
            int width = cells.isEmpty() ? 0 : cells.get(0).length;
            rows.add(new Object[] {sheet.getKey(), ExcelTables.withColumnNames(cells, width, useHeaders),
                    sheet.getKey(), "Sheet", false});
        }
        for (SheetTable table : book.tables()) {
            rows.add(new Object[] {table.table().name(), data(book, table), table.table().name(), "Table", false});
        }
        for (XlsbNames.NamedRange name : book.names()) {
            MTable range = range(book, name);
            if (range != null) {
                rows.add(new Object[] {name.name(), range, name.name(), "DefinedName", false});
            }
        }
        return new MTable(List.of("Name", "Data", "Item", "Kind", "Hidden"), null, rows);
    }

    /** Excel.CurrentWorkbook: the tables (with their header names), then the defined names that are ranges. */
    static MTable currentWorkbook(byte[] bytes) {
        Contents book = read(bytes);
        List<Object[]> rows = new ArrayList<>();
        for (SheetTable table : book.tables()) {
            rows.add(new Object[] {table.table().name(), data(book, table)});
        }
        for (XlsbNames.NamedRange name : book.names()) {
            MTable range = range(book, name);
            if (range != null && !name.name().startsWith("_xlnm")) {
                rows.add(new Object[] {name.name(), range});
            }
        }
        return new MTable(List.of("Name", "Content"), null, rows);
    }

    private static MTable range(Contents book, XlsbNames.NamedRange name) {
        XlsbSheet sheet = book.sheets().get(name.sheet());
        if (sheet == null) {
            return null;
        }
        List<Object[]> cells = sheet.area(name.firstRow(), name.firstColumn(), name.lastRow(), name.lastColumn());
        return ExcelTables.withColumnNames(cells, name.lastColumn() - name.firstColumn() + 1, false);
    }

    /** A table's rows between its header and its totals row, its columns named by their captions. */
    private static MTable data(Contents book, SheetTable sheetTable) {
        XlsbTablePart.Table table = sheetTable.table();
        XlsbSheet sheet = book.sheets().get(sheetTable.sheet());
        List<Object[]> header = table.headerRows() == 0 ? List.of()
                : sheet.area(table.firstRow(), table.firstColumn(), table.firstRow(), table.lastColumn());
        List<String> names = columnNames(table.columnCaptions(), header.isEmpty() ? null : header.get(0));
        List<Object[]> rows = sheet.area(table.firstRow() + table.headerRows(), table.firstColumn(),
                table.lastRow() - table.totalsRows(), table.lastColumn());
        return new MTable(names, null, rows);
    }

    /**
     * Column names: the captions Excel keeps for the columns; where one is missing, the header cell's text, and
     * ColumnN where there is neither or the name is taken (a table's names must differ).
     */
    static List<String> columnNames(List<String> captions, Object[] headerCells) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int c = 0; c < captions.size(); c++) {
            String name = captions.get(c);
            if ((name == null || name.isEmpty()) && headerCells != null && c < headerCells.length) {
                Object cell = Thunk.force(headerCells[c]);
                name = cell == null ? null : Values.toText(cell);
            }
            if (name == null || name.isEmpty() || !taken.add(name)) {
                name = "Column" + (c + 1);
                taken.add(name);
            }
            names.add(name);
        }
        return names;
    }

    /** A table and the name of the sheet it is on. */
    private record SheetTable(String sheet, XlsbTablePart.Table table) { }

    /** The sheets by name, in workbook order; their tables, in sheet order; the defined names that are ranges. */
    private record Contents(Map<String, XlsbSheet> sheets, List<SheetTable> tables, List<XlsbNames.NamedRange> names) {
    }

    private static Contents read(byte[] bytes) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFBReader reader = new XSSFBReader(pkg);
            XSSFBSharedStringsTable strings = new XSSFBSharedStringsTable(pkg);
            XlsbStyles styles;
            try (InputStream stylesPart = reader.getStylesData()) {
                styles = XlsbStyles.read(stylesPart);
            }
            Map<String, XlsbSheet> sheets = new LinkedHashMap<>();
            List<SheetTable> tables = new ArrayList<>();
            XSSFBReader.SheetIterator iterator = reader.getSheetIterator();
            while (iterator.hasNext()) {
                XlsbSheet sheet;
                try (InputStream sheetPart = iterator.next()) {
                    sheet = XlsbSheet.read(sheetPart, styles, strings);
                }
                sheets.put(iterator.getSheetName(), sheet);
                for (String id : sheet.tablePartIds()) {
                    XlsbTablePart.Table table = tablePart(iterator.getSheetPart(), id);
                    if (table != null) {
                        tables.add(new SheetTable(iterator.getSheetName(), table));
                    }
                }
            }
            List<XlsbNames.NamedRange> names;
            try (InputStream workbookPart = reader.getWorkbookData()) {
                names = XlsbNames.read(workbookPart);
            }
            return new Contents(sheets, tables, names);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw Errors.dataFormat("The .xlsb workbook could not be read: " + e.getMessage());
        }
    }

    /** The table behind one of a sheet's table relationships, or null where there is none this reader understands. */
    private static XlsbTablePart.Table tablePart(PackagePart sheetPart, String relationshipId) throws IOException {
        try {
            PackageRelationship relationship = sheetPart.getRelationship(relationshipId);
            if (relationship == null || !XSSFRelation.TABLE.getRelation().equals(relationship.getRelationshipType())) {
                return null;
            }
            PackagePart part = sheetPart.getRelatedPart(relationship);
            if (part == null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return XlsbTablePart.read(in);
            }
        } catch (OpenXML4JException | RuntimeException e) {
            // a table this reader cannot make sense of is a table it does not list, not a workbook it cannot read
            return null;
        }
    }
}
