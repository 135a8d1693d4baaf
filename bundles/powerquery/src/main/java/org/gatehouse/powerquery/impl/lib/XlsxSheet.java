package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * One worksheet of an .xlsx/.xlsm ({@code xl/worksheets/sheetN.xml}) read with StAX into the values Power Query sees:
 * numbers, dates or datetimes for date-formatted numbers ({@link DateCells}), text, logicals, formulas' cached
 * results, and error cells that raise when read. Only the values are kept, row by row (a few dozen bytes a cell where
 * POI's object model takes about two kilobytes), so a sheet of a million cells reads in little memory.
 */
final class XlsxSheet {

    /** The non-blank cells of one row, by ascending column. A null value is a cell that holds no M value. */
    private static final class RowCells {
        int[] columns = new int[8];
        Object[] values = new Object[8];
        int size;

        void add(int column, Object value) {
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            columns[size] = column;
            values[size++] = value;
        }
    }

    private final TreeMap<Integer, RowCells> rows = new TreeMap<>();
    private int firstColumn = Integer.MAX_VALUE;
    private int lastColumn = -1;
    /** The rows and columns of every cell the sheet lists, blank (only styled) ones too: 0-based, inclusive. */
    private int listedFirstRow = Integer.MAX_VALUE;
    private int listedLastRow = -1;
    private int listedFirstColumn = Integer.MAX_VALUE;
    private int listedLastColumn = -1;
    /** The range the sheet says it uses ({@code <dimension ref>}), or null when it says none or nothing readable. */
    private AreaReference dimension;

    private XlsxSheet() {
    }

    /** A sheet without cells. */
    static XlsxSheet empty() {
        return new XlsxSheet();
    }

    /** Reads a worksheet part; {@code strings} are the shared strings, {@code styles} tell date formats. */
    static XlsxSheet read(InputStream part, List<String> strings, XlsxStyles styles, DateCells dates)
            throws IOException {
        XlsxSheet sheet = new XlsxSheet();
        try {
            new Reader(XlsxPackage.xmlReader(part), strings, styles, dates, sheet).read();
        } catch (XMLStreamException e) {
            throw new IOException("the worksheet is not XML: " + e.getMessage(), e);
        }
        return sheet;
    }

    private void put(int row, int column, Object value) {
        RowCells cells = rows.get(row);
        if (cells == null) {
            cells = new RowCells();
            rows.put(row, cells);
        }
        cells.add(column, value);
        firstColumn = Math.min(firstColumn, column);
        lastColumn = Math.max(lastColumn, column);
    }

    private void listed(int row, int column) {
        listedFirstRow = Math.min(listedFirstRow, row);
        listedLastRow = Math.max(listedLastRow, row);
        listedFirstColumn = Math.min(listedFirstColumn, column);
        listedLastColumn = Math.max(listedLastColumn, column);
    }

    /**
     * The sheet's data as rows of values. Power Query takes the range the sheet's dimension metadata gives (Excel's used
     * range, which counts formatted empty cells too), unless asked to infer it ({@code InferSheetDimensions}): then the
     * range from its first to its last non-blank cell. Microsoft's Excel.Workbook reference says so
     * (InferSheetDimensions: "rather than by reading the dimensions metadata from the file"). A sheet without a
     * dimension (written by Google Sheets, say) is the range of every cell it lists, styled blank cells too, as a used
     * range would be: a workbook's query removed "Column10".."Column13" of such a sheet whose data ends at column I
     * and which lists one blank styled cell at M33 (rows are taken alike, without evidence of their own). A sheet
     * without any value is an empty table either way.
     */
    List<Object[]> usedRange(boolean inferDimensions) {
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        if (!inferDimensions && dimension != null) {
            CellReference from = dimension.getFirstCell();
            CellReference to = dimension.getLastCell();
            // a dimension reaching past every cell of the file (some writers declare the whole grid) ends at the
            // last cell element, so that a declared million empty rows are not built
            return area(from.getRow(), from.getCol(), Math.min(to.getRow(), listedLastRow),
                    Math.min(to.getCol(), listedLastColumn));
        }
        if (inferDimensions) {
            return area(rows.firstKey(), firstColumn, rows.lastKey(), lastColumn);
        }
        return area(listedFirstRow, listedFirstColumn, listedLastRow, listedLastColumn);
    }

    /** The values of a rectangle of the sheet (0-based, inclusive), blank cells as nulls. */
    List<Object[]> area(int firstRow, int fromColumn, int lastRow, int toColumn) {
        if (lastRow < firstRow || toColumn < fromColumn) {
            return new ArrayList<>(); // a declared range that lies beyond every cell of the sheet
        }
        List<Object[]> out = new ArrayList<>(lastRow - firstRow + 1);
        for (int r = firstRow; r <= lastRow; r++) {
            out.add(new Object[toColumn - fromColumn + 1]);
        }
        for (Map.Entry<Integer, RowCells> row : rows.subMap(firstRow, true, lastRow, true).entrySet()) {
            Object[] values = out.get(row.getKey() - firstRow);
            RowCells cells = row.getValue();
            for (int i = 0; i < cells.size; i++) {
                int c = cells.columns[i];
                if (c >= fromColumn && c <= toColumn) {
                    values[c - fromColumn] = cells.values[i];
                }
            }
        }
        return out;
    }

    /** The StAX walk over {@code <sheetData>}: rows, cells and their values. */
    private static final class Reader {
        private final XMLStreamReader xml;
        private final List<String> strings;
        private final XlsxStyles styles;
        private final DateCells dates;
        private final XlsxSheet sheet;
        private int row = -1;
        private int column = -1;

        Reader(XMLStreamReader xml, List<String> strings, XlsxStyles styles, DateCells dates, XlsxSheet sheet) {
            this.xml = xml;
            this.strings = strings;
            this.styles = styles;
            this.dates = dates;
            this.sheet = sheet;
        }

        void read() throws XMLStreamException {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String r = xml.getAttributeValue(null, "r");
                        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                        column = -1;
                    }
                    case "c" -> cell();
                    case "dimension" -> sheet.dimension = dimension(xml.getAttributeValue(null, "ref"));
                    default -> { }
                }
            }
        }

        /** One {@code <c>}: its reference, style and type, then its formula, value or inline string. */
        private void cell() throws XMLStreamException {
            String ref = xml.getAttributeValue(null, "r");
            column = ref == null ? column + 1 : columnOf(ref);
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            boolean formula = false;
            String value = null;
            String inline = null;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    switch (xml.getLocalName()) {
                        case "f" -> formula = true;
                        case "v" -> {
                            value = xml.getElementText();
                            depth--;
                        }
                        case "is" -> {
                            inline = inlineText();
                            depth--;
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            boolean blank = !formula && ("inlineStr".equals(type) ? inline == null : value == null);
            sheet.listed(row, column);
            if (!blank) {
                sheet.put(row, column, value(type, style == null ? 0 : Integer.parseInt(style), formula, value, inline));
            }
        }

        private static AreaReference dimension(String ref) {
            try {
                return ref == null || ref.isBlank() ? null
                        : new AreaReference(ref.trim(), SpreadsheetVersion.EXCEL2007);
            } catch (RuntimeException e) {
                return null; // a damaged dimension is no dimension: the cells still tell the range
            }
        }

        /** The 0-based column of a cell reference such as "AB12". */
        private static int columnOf(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }

        /** The text of an inline string: its {@code <t>}, or its runs' texts; phonetic runs are not the cell's text. */
        private String inlineText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("rPh")) {
                        phonetic = true;
                    }
                    if (xml.getLocalName().equals("t") && !phonetic) {
                        text.append(xml.getElementText());
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("rPh")) {
                        phonetic = false;
                    }
                    depth--;
                }
            }
            return XlsxStrings.decode(text.toString());
        }

        private Object value(String type, int style, boolean formula, String value, String inline) {
            if (type == null || type.equals("n")) {
                if (value == null || value.isEmpty()) {
                    return null; // a formula Excel never calculated
                }
                return number(Double.parseDouble(value), style);
            }
            return switch (type) {
                case "s" -> strings.get(Integer.parseInt(value.trim()));
                case "inlineStr" -> inline;
                // a formula's cached "" is null (no workbook has shown otherwise); a typed-in "" is the text ""
                case "str" -> value == null || value.isEmpty() && formula ? null : XlsxStrings.decode(value);
                case "b" -> "1".equals(value) || "true".equalsIgnoreCase(value);
                case "e" -> error(value);
                case "d" -> value == null || value.isEmpty() ? null
                        : dates.value(LocalDateTime.parse(value.length() == 10 ? value + "T00:00:00" : value),
                                styles.format(style));
                default -> value;
            };
        }

        private Object number(double value, int style) {
            if (styles.isDate(style) && DateUtil.isValidExcelDate(value)) {
                return dates.value(DateUtil.getLocalDateTime(value, styles.date1904()), styles.format(style));
            }
            return value;
        }

        private static Thunk error(String code) {
            return new Thunk(() -> {
                throw Errors.dataFormat("Invalid cell value '" + code + "'.");
            });
        }
    }
}
