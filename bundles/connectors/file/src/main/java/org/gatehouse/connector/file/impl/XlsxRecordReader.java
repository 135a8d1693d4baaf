package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.gatehouse.connector.file.format.MalformedRecordException;
import org.gatehouse.connector.file.format.RecordReader;
import org.gatehouse.connector.file.format.Typing;
import org.gatehouse.api.ColumnType;

/**
 * Rows of one worksheet, or of one named table (Excel's Insert > Table), of an XLSX/XLSM workbook.
 * <p>
 * The workbook is opened with POI's OPC package and event API ({@link XSSFReader}): the shared strings (POI's
 * read-only table) and styles are loaded, the sheet itself is never built as a DOM. Its XML is pulled row by row
 * with StAX, so a sheet of a million rows costs one row of memory; pulling rather than POI's push-style SAX handler
 * lets the gateway ask for one row at a time without a second thread.
 * <p>
 * The first row (of the sheet's used rows, or of the table) is the header unless {@code header} is false. Empty
 * rows are skipped. Numbers in a date format become date-times; whole numbers become longs.
 */
final class XlsxRecordReader implements RecordReader {

    private static final String TABLE_RELATION =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

    private final OPCPackage workbook;
    private final String source;
    private final ReadOnlySharedStringsTable sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final InputStream sheetData;
    private final XMLStreamReader xml;
    private final String where;

    private int firstRow = 0;
    private int lastRow = Integer.MAX_VALUE;
    private int firstColumn = 0;
    private int lastColumn = Integer.MAX_VALUE;
    private final boolean header;
    private boolean tableArea;

    private String[] names;
    private Object[] values;
    private int rowNumber;
    private List<Object> pendingRow;
    private boolean started;

    private XlsxRecordReader(OPCPackage workbook, String source, ReadOnlySharedStringsTable sharedStrings,
            StylesTable styles, boolean date1904, InputStream sheetData, XMLStreamReader xml, String where,
            boolean header) {
        this.workbook = workbook;
        this.source = source;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
        this.sheetData = sheetData;
        this.xml = xml;
        this.where = where;
        this.header = header;
    }

    /**
     * Opens a workbook at a sheet or table.
     *
     * @param item a table name or sheet name (tables are looked for first), or null for the first sheet
     */
    static XlsxRecordReader open(Path file, String source, String item, boolean header)
            throws IOException, MalformedRecordException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new MalformedRecordException(source + " is not a readable XLSX/XLSM workbook: " + e.getMessage(),
                    false);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // POI's XMLBeans schemas (styles) are found through the context class loader: make it this bundle's
        Thread.currentThread().setContextClassLoader(XlsxRecordReader.class.getClassLoader());
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            List<String> sheetNames = new ArrayList<>();
            List<String> tableNames = new ArrayList<>();
            PackagePart sheetPart = null;
            String sheetName = null;
            TableArea table = null;
            while (sheets.hasNext()) {
                sheets.next().close();
                String name = sheets.getSheetName();
                PackagePart part = sheets.getSheetPart();
                sheetNames.add(name);
                for (PackageRelationship relation : part.getRelationshipsByType(TABLE_RELATION)) {
                    TableArea area = TableArea.read(part.getRelatedPart(relation));
                    tableNames.add(area.name);
                    if (item != null && table == null && area.matches(item)) {
                        table = area;
                        sheetPart = part;
                        sheetName = name;
                    }
                }
            }
            if (table == null) {
                int index = item == null ? 0 : indexOfIgnoreCase(sheetNames, item);
                if (index < 0 || sheetNames.isEmpty()) {
                    workbook.revert();
                    throw new MalformedRecordException(source + " has no " + (item == null ? "sheet"
                            : "table or sheet '" + item + "'") + " (sheets: " + String.join(", ", sheetNames)
                            + (tableNames.isEmpty() ? "" : "; tables: " + String.join(", ", tableNames)) + ")",
                            false);
                }
                sheetName = sheetNames.get(index);
                XSSFReader.SheetIterator again = reader.getSheetIterator();
                for (int i = 0; i <= index; i++) {
                    again.next().close();
                }
                sheetPart = again.getSheetPart();
            }
            InputStream data = sheetPart.getInputStream();
            XMLStreamReader xml = safeFactory().createXMLStreamReader(data);
            String where = source + (table != null ? " table '" + table.name + "'" : " sheet '" + sheetName + "'");
            XlsxRecordReader result = new XlsxRecordReader(workbook, source, strings, styles, date1904, data, xml,
                    where, table != null ? table.headerRows > 0 : header);
            if (table != null) {
                result.tableArea = true;
                result.firstRow = table.firstRow;
                result.lastRow = table.lastRow - table.totalsRows;
                result.firstColumn = table.firstColumn;
                result.lastColumn = table.lastColumn;
            }
            return result;
        } catch (OpenXML4JException | XMLStreamException | org.xml.sax.SAXException | RuntimeException e) {
            workbook.revert();
            throw new MalformedRecordException(source + " is not a readable XLSX/XLSM workbook: " + e.getMessage(),
                    false);
        } catch (IOException | MalformedRecordException e) {
            workbook.revert();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static int indexOfIgnoreCase(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static boolean date1904(XSSFReader reader) throws IOException, InvalidFormatException,
            XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("workbookPr")) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (name.equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    @Override
    public String[] knownNames() throws IOException, MalformedRecordException {
        start();
        return names;
    }

    private void start() throws IOException, MalformedRecordException {
        if (started) {
            return;
        }
        started = true;
        if (!tableArea) {
            readDimension();
        }
        List<Object> first = readRow();
        if (first == null) {
            names = new String[0];
            values = new Object[0];
            return;
        }
        names = new String[first.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = header && first.get(i) != null ? ((String) Typing.convert(first.get(i), ColumnType.STRING))
                    .trim() : "";
            if (name.isEmpty()) {
                name = "Column" + (i + 1);
            }
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names[i] = unique;
        }
        values = new Object[names.length];
        if (!header) {
            pendingRow = first;
        }
    }

    /**
     * Takes the used range from the sheet's {@code <dimension>} (before its rows), so the columns of a sheet
     * without a header are known before its widest row is reached.
     */
    private void readDimension() throws MalformedRecordException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("dimension")) {
                        String ref = xml.getAttributeValue(null, "ref");
                        if (ref != null && !ref.isBlank()) {
                            AreaReference area = ref.contains(":")
                                    ? new AreaReference(ref, SpreadsheetVersion.EXCEL2007)
                                    : new AreaReference(new CellReference(ref), new CellReference(ref),
                                            SpreadsheetVersion.EXCEL2007);
                            firstColumn = area.getFirstCell().getCol();
                            lastColumn = area.getLastCell().getCol();
                        }
                        return;
                    }
                    if (name.equals("sheetData")) {
                        return;
                    }
                }
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new MalformedRecordException(where + ": the sheet's XML is damaged: " + e.getMessage(), false);
        }
    }

    @Override
    public boolean next() throws IOException, MalformedRecordException {
        start();
        List<Object> row = pendingRow != null ? pendingRow : readRow();
        pendingRow = null;
        if (row == null) {
            return false;
        }
        Arrays.fill(values, null);
        for (int i = 0; i < Math.min(row.size(), values.length); i++) {
            values[i] = row.get(i);
        }
        return true;
    }

    /** The next non-empty row within the area, cells by column offset; null at the end. */
    private List<Object> readRow() throws IOException, MalformedRecordException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    int rowIndex = rowNumber - 1;
                    if (rowIndex > lastRow) {
                        return null;
                    }
                    List<Object> cells = readCells(rowIndex >= firstRow);
                    if (rowIndex >= firstRow && cells.stream().anyMatch(v -> v != null)) {
                        return cells;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                    return null;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new MalformedRecordException(where + " row " + rowNumber + ": the sheet's XML is damaged: "
                    + e.getMessage(), false);
        }
    }

    private List<Object> readCells(boolean keep) throws XMLStreamException {
        List<Object> cells = new ArrayList<>();
        int implicitColumn = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int column = ref == null ? implicitColumn + 1 : new CellReference(ref).getCol();
            implicitColumn = column;
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String raw = cellText();
            if (!keep || column < firstColumn || column > lastColumn) {
                continue;
            }
            int offset = column - firstColumn;
            while (cells.size() <= offset) {
                cells.add(null);
            }
            cells.set(offset, value(raw, type, style));
        }
        if (lastColumn != Integer.MAX_VALUE) {
            while (cells.size() <= lastColumn - firstColumn) {
                cells.add(null);
            }
        }
        return cells;
    }

    /** The text of the cell's value ({@code <v>}, or the {@code <t>} runs of an inline string); at its end. */
    private String cellText() throws XMLStreamException {
        StringBuilder text = null;
        int depth = 1;
        boolean inValue = false;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                // phonetic runs (rPh) are pronunciation hints, not the value
                inValue = name.equals("v") || (name.equals("t") && !insidePhonetic);
                if (name.equals("rPh")) {
                    insidePhonetic = true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("rPh")) {
                    insidePhonetic = false;
                }
                inValue = false;
            } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(xml.getText());
            }
        }
        return text == null ? null : text.toString();
    }

    private boolean insidePhonetic;

    private Object value(String raw, String type, String style) {
        if (raw == null) {
            return null;
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s":
                return sharedStrings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "inlineStr":
            case "str":
                return raw;
            case "b":
                return raw.trim().equals("1") || raw.trim().equalsIgnoreCase("true");
            case "e":
                // #N/A, #DIV/0!...: no value
                return null;
            case "d":
                return LocalDateTime.parse(raw.trim().length() == 10 ? raw.trim() + "T00:00" : raw.trim());
            default:
                double number = Double.parseDouble(raw.trim());
                if (style != null && isDateStyle(Integer.parseInt(style.trim()))) {
                    return DateUtil.getLocalDateTime(number, date1904, true);
                }
                if (number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15) {
                    return (long) number;
                }
                return number;
        }
    }

    private boolean isDateStyle(int index) {
        if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
            return false;
        }
        XSSFCellStyle style = styles.getStyleAt(index);
        return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
    }

    @Override
    public String[] names() {
        return names;
    }

    @Override
    public Object[] values() {
        return values;
    }

    @Override
    public String location() {
        return where + " row " + rowNumber;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed next anyway
        }
        sheetData.close();
        // opened read-only: revert closes without writing anything back
        workbook.revert();
    }

    /** A table part's name and cell range. */
    private static final class TableArea {
        String name;
        String displayName;
        int firstRow;
        int lastRow;
        int firstColumn;
        int lastColumn;
        int headerRows = 1;
        int totalsRows;

        boolean matches(String wanted) {
            return wanted.equalsIgnoreCase(name) || wanted.equalsIgnoreCase(displayName);
        }

        static TableArea read(PackagePart part) throws IOException, XMLStreamException {
            try (InputStream in = part.getInputStream()) {
                XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
                try {
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("table")) {
                            TableArea area = new TableArea();
                            area.name = xml.getAttributeValue(null, "name");
                            area.displayName = xml.getAttributeValue(null, "displayName");
                            if (area.name == null) {
                                area.name = area.displayName;
                            }
                            AreaReference ref = new AreaReference(xml.getAttributeValue(null, "ref"),
                                    SpreadsheetVersion.EXCEL2007);
                            area.firstRow = ref.getFirstCell().getRow();
                            area.lastRow = ref.getLastCell().getRow();
                            area.firstColumn = ref.getFirstCell().getCol();
                            area.lastColumn = ref.getLastCell().getCol();
                            String headers = xml.getAttributeValue(null, "headerRowCount");
                            area.headerRows = headers == null ? 1 : Integer.parseInt(headers);
                            String totals = xml.getAttributeValue(null, "totalsRowCount");
                            area.totalsRows = totals == null ? 0 : Integer.parseInt(totals);
                            return area;
                        }
                    }
                } finally {
                    xml.close();
                }
            }
            throw new XMLStreamException("table part " + part.getPartName() + " has no table element");
        }
    }

    @Override
    public String toString() {
        return where.toLowerCase(Locale.ROOT);
    }
}
