package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * Excel.Workbook and Excel.CurrentWorkbook over an .xlsx/.xlsm, read from the package's XML parts. The navigation
 * table is built from the workbook part, the sheets' relationships and the table parts alone; a sheet's cells are read
 * when an item's data is first asked for ({@link XlsxSheet}), once for all the items on that sheet.
 */
final class XlsxTables {

    /** A sheet as the workbook part lists it: its name, whether hidden, and its part. */
    private record SheetEntry(String name, boolean hidden, String part) { }

    /** A table part: its name, its range and its column names. */
    private record TableEntry(String sheet, String name, CellReference from, CellReference to, int headerRows,
            int totalsRows, List<String> columns) { }

    /** A defined name: its name, the sheet it is scoped to (null: the workbook) and the formula it stands for. */
    private record NameEntry(String name, String scope, boolean function, String formula) { }

    private final XlsxPackage pkg;
    private final DateCells dates;
    private final List<SheetEntry> sheets = new ArrayList<>();
    private final List<TableEntry> tables = new ArrayList<>();
    private final List<NameEntry> names = new ArrayList<>();
    private final Map<String, Thunk> sheetCells = new HashMap<>();
    private List<String> strings;
    private XlsxStyles styles;

    private XlsxTables(XlsxPackage pkg, DateCells dates) {
        this.pkg = pkg;
        this.dates = dates;
    }

    /** Excel.Workbook: one row per sheet (Kind "Sheet"), table ("Table") and defined name ("DefinedName"). */
    static MTable workbook(byte[] bytes, boolean useHeaders, boolean inferDimensions) {
        XlsxTables book = open(bytes, DateCells.BY_FORMAT);
        List<Object[]> rows = new ArrayList<>();
        for (SheetEntry sheet : book.sheets) {
            Thunk data = new Thunk(() -> {
                List<Object[]> cells = book.cells(sheet.name()).usedRange(inferDimensions);
                int width = cells.isEmpty() ? 0 : cells.get(0).length;
                return ExcelTables.withColumnNames(cells, width, useHeaders);
            });
            rows.add(new Object[] {sheet.name(), data, sheet.name(), "Sheet", sheet.hidden()});
        }
        for (TableEntry table : book.tables) {
            rows.add(new Object[] {table.name(), new Thunk(() -> book.table(table)), table.name(), "Table", false});
        }
        for (NameEntry name : book.names) {
            AreaReference area = book.area(name);
            if (area != null) {
                rows.add(new Object[] {name.name(), new Thunk(() -> book.range(area)), name.name(), "DefinedName",
                        false});
            }
        }
        return new MTable(List.of("Name", "Data", "Item", "Kind", "Hidden"), null, rows);
    }

    /** Excel.CurrentWorkbook: tables (with their header names), then named ranges (Column1..N). */
    static MTable currentWorkbook(byte[] bytes) {
        XlsxTables book = open(bytes, DateCells.AS_DATETIME);
        List<Object[]> rows = new ArrayList<>();
        for (TableEntry table : book.tables) {
            rows.add(new Object[] {table.name(), new Thunk(() -> book.table(table))});
        }
        for (NameEntry name : book.names) {
            AreaReference area = book.area(name);
            if (area != null && !name.name().startsWith("_xlnm")) {
                rows.add(new Object[] {ScopedNames.currentWorkbookName(name.scope(), name.name()),
                        new Thunk(() -> book.range(area))});
            }
        }
        return new MTable(List.of("Name", "Content"), null, rows);
    }

    private static XlsxTables open(byte[] bytes, DateCells dates) {
        try {
            XlsxPackage pkg = XlsxPackage.open(bytes);
            XlsxTables book = new XlsxTables(pkg, dates);
            book.readWorkbook();
            return book;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new MException("DataFormat.Error",
                    "The file is not an Excel workbook this engine can read (.xlsx/.xlsm): " + e.getMessage());
        }
    }

    /** The workbook part: its sheets (and their tables), its date system and its defined names. */
    private void readWorkbook() throws IOException, XMLStreamException {
        String workbookPart = pkg.rootPart("officeDocument");
        byte[] workbook = workbookPart == null ? null : pkg.part(workbookPart);
        if (workbook == null) {
            throw new IOException("the package has no workbook part");
        }
        Map<String, XlsxPackage.Relationship> related = new HashMap<>();
        for (XlsxPackage.Relationship r : pkg.relationships(workbookPart)) {
            related.put(r.id(), r);
        }
        boolean date1904 = false;
        XMLStreamReader xml = XlsxPackage.xmlReader(new ByteArrayInputStream(workbook));
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "workbookPr" -> date1904 = isTrue(xml.getAttributeValue(null, "date1904"));
                case "sheet" -> {
                    String state = xml.getAttributeValue(null, "state");
                    String id = relationshipId(xml);
                    XlsxPackage.Relationship r = related.get(id);
                    sheets.add(new SheetEntry(xml.getAttributeValue(null, "name"),
                            "hidden".equals(state) || "veryHidden".equals(state), r == null ? null : r.target()));
                }
                // the main namespace's names only: an extension's x14:definedName (a LAMBDA's argument
                // descriptions, which a public portfolio workbook holds) has elements inside, not a formula
                case "definedName" -> {
                    if (!isMainNamespace(xml.getNamespaceURI())) {
                        continue;
                    }
                    String name = xml.getAttributeValue(null, "name");
                    String scope = xml.getAttributeValue(null, "localSheetId");
                    boolean function = isTrue(xml.getAttributeValue(null, "function"));
                    String formula = xml.getElementText().trim();
                    int index = scope == null ? -1 : Integer.parseInt(scope);
                    names.add(new NameEntry(name, index >= 0 && index < sheets.size() ? sheets.get(index).name()
                            : null, function, formula));
                }
                default -> { }
            }
        }
        for (SheetEntry sheet : sheets) {
            if (sheet.part() != null) {
                for (XlsxPackage.Relationship r : pkg.relationships(sheet.part())) {
                    if (r.type().equals("table")) {
                        TableEntry table = tablePart(sheet.name(), r.target());
                        if (table != null) {
                            tables.add(table);
                        }
                    }
                }
            }
        }
        String stylesPart = null;
        String stringsPart = null;
        for (XlsxPackage.Relationship r : related.values()) {
            if (r.type().equals("styles")) {
                stylesPart = r.target();
            } else if (r.type().equals("sharedStrings")) {
                stringsPart = r.target();
            }
        }
        try (InputStream in = stylesPart == null ? null : pkg.stream(stylesPart)) {
            styles = XlsxStyles.read(in, date1904);
        }
        try (InputStream in = stringsPart == null ? null : pkg.stream(stringsPart)) {
            strings = XlsxStrings.read(in);
        }
    }

    /** Whether an element is SpreadsheetML's own (transitional or strict), not an extension's such as x14. */
    private static boolean isMainNamespace(String uri) {
        return uri == null || uri.isEmpty() || uri.equals("http://schemas.openxmlformats.org/spreadsheetml/2006/main")
                || uri.equals("http://purl.oclc.org/ooxml/spreadsheetml/main");
    }

    private static boolean isTrue(String attribute) {
        return "1".equals(attribute) || "true".equalsIgnoreCase(attribute);
    }

    /** The {@code r:id} attribute, whatever prefix the file binds to the relationships namespace. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals("id") && xml.getAttributeNamespace(i) != null
                    && xml.getAttributeNamespace(i).endsWith("/relationships")) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A table part ({@code xl/tables/tableN.xml}), or null where it cannot be understood (then it is not listed). */
    private TableEntry tablePart(String sheet, String part) {
        try (InputStream in = pkg.stream(part)) {
            if (in == null) {
                return null;
            }
            XMLStreamReader xml = XlsxPackage.xmlReader(in);
            String name = null;
            String ref = null;
            int headerRows = 1;
            int totalsRows = 0;
            List<String> columns = new ArrayList<>();
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("table")) {
                    name = xml.getAttributeValue(null, "name");
                    ref = xml.getAttributeValue(null, "ref");
                    String header = xml.getAttributeValue(null, "headerRowCount");
                    String totals = xml.getAttributeValue(null, "totalsRowCount");
                    headerRows = header == null ? 1 : Integer.parseInt(header);
                    totalsRows = totals == null ? 0 : Integer.parseInt(totals);
                } else if (xml.getLocalName().equals("tableColumn")) {
                    columns.add(xml.getAttributeValue(null, "name"));
                }
            }
            if (name == null || ref == null) {
                return null;
            }
            AreaReference area = new AreaReference(ref, SpreadsheetVersion.EXCEL2007);
            return new TableEntry(sheet, name, area.getFirstCell(), area.getLastCell(), headerRows > 0 ? 1 : 0,
                    totalsRows, columns);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    /** The range a defined name stands for, or null for names that are formulas, constants or other workbooks'. */
    private AreaReference area(NameEntry name) {
        if (name.function() || name.formula().isEmpty()) {
            return null;
        }
        try {
            AreaReference area = new AreaReference(name.formula(), SpreadsheetVersion.EXCEL2007);
            String sheet = area.getFirstCell().getSheetName();
            return sheet != null && sheets.stream().anyMatch(s -> s.name().equalsIgnoreCase(sheet)) ? area : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The cells of a sheet, read the first time one of its items is asked for. */
    private XlsxSheet cells(String sheetName) {
        Thunk read;
        synchronized (sheetCells) {
            read = sheetCells.computeIfAbsent(sheetName.toLowerCase(java.util.Locale.ROOT),
                    k -> new Thunk(() -> readSheet(sheetName)));
        }
        return (XlsxSheet) Thunk.force(read);
    }

    private XlsxSheet readSheet(String sheetName) {
        SheetEntry sheet = sheets.stream().filter(s -> s.name().equalsIgnoreCase(sheetName)).findFirst().orElse(null);
        try (InputStream in = sheet == null || sheet.part() == null ? null : pkg.stream(sheet.part())) {
            // a sheet whose part is missing from the package has no cells
            return in == null ? XlsxSheet.empty() : XlsxSheet.read(in, strings, styles, dates);
        } catch (IOException | RuntimeException e) {
            throw new MException("DataFormat.Error", "The sheet '" + sheetName + "' could not be read: "
                    + e.getMessage());
        }
    }

    /** A table's rows between its header and its totals row, its columns named as the table part names them. */
    private MTable table(TableEntry t) {
        List<Object[]> rows = cells(t.sheet()).area(t.from().getRow() + t.headerRows(), t.from().getCol(),
                t.to().getRow() - t.totalsRows(), t.to().getCol());
        return new MTable(columnNames(t), null, rows);
    }

    /** The table part's column names, one per column of its range; a damaged part's missing ones are ColumnN. */
    private static List<String> columnNames(TableEntry t) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= t.to().getCol() - t.from().getCol(); c++) {
            String name = c < t.columns().size() ? t.columns().get(c) : null;
            names.add(name == null || names.contains(name) ? "Column" + (c + 1) : name);
        }
        return names;
    }

    private MTable range(AreaReference area) {
        CellReference from = area.getFirstCell();
        CellReference to = area.getLastCell();
        List<Object[]> rows = cells(from.getSheetName()).area(from.getRow(), from.getCol(), to.getRow(), to.getCol());
        return ExcelTables.withColumnNames(rows, to.getCol() - from.getCol() + 1, false);
    }
}
