package org.gatehouse.powerquery.impl.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.impl.lib.ExcelTables;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Excel's own last refresh of a workbook's queries: the sheet tables its queries load into ({@code FillTarget}),
 * read as normalized text so that a refresh by this engine can be compared with them cell by cell. .xlsx and .xlsm
 * through POI; .xlsb, whose tables POI cannot open, through the engine's own binary table reader (the same one
 * Excel.CurrentWorkbook uses, so for .xlsb the comparison leans on that reader being right).
 */
public final class ExcelCache implements AutoCloseable {

    /**
     * Columns compared by structure only: the refresh time (DateTime.LocalNow()), and Folder.Files' file times, which
     * a copy of the author's files never keeps.
     */
    public static final Set<String> VOLATILE = Set.of("DateTimeGenerated", "Now", "Date accessed", "Date modified",
            "Date created");

    /** Null for an .xlsb. */
    private final XSSFWorkbook book;
    /** Excel.CurrentWorkbook() of an .xlsb; null otherwise. */
    private final MTable binaryTables;

    private ExcelCache(XSSFWorkbook book, MTable binaryTables) {
        this.book = book;
        this.binaryTables = binaryTables;
    }

    public static ExcelCache of(byte[] workbook) throws IOException {
        if (ExcelTables.isBinaryWorkbook(workbook)) {
            return new ExcelCache(null, ExcelTables.currentWorkbook(workbook));
        }
        return new ExcelCache(new XSSFWorkbook(new ByteArrayInputStream(workbook)), null);
    }

    /** The header and rows of the sheet table named {@code tableName} as normalized text; empty if there is none. */
    public Optional<List<List<String>>> table(String tableName) {
        if (binaryTables != null) {
            return binaryTable(tableName);
        }
        for (int s = 0; s < book.getNumberOfSheets(); s++) {
            XSSFSheet sheet = book.getSheetAt(s);
            for (XSSFTable t : sheet.getTables()) {
                if (t.getName().equals(tableName) || t.getDisplayName().equals(tableName)) {
                    return Optional.of(read(sheet, t));
                }
            }
        }
        return Optional.empty();
    }

    /** The sort the user saved on the sheet table {@code tableName}; empty when none (or for an .xlsb). */
    List<SavedSort.Key> savedSort(String tableName) {
        if (book != null) {
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                for (XSSFTable t : book.getSheetAt(s).getTables()) {
                    if (t.getName().equals(tableName) || t.getDisplayName().equals(tableName)) {
                        return SavedSort.keys(t.getCTTable().xmlText(), t.getStartCellReference().getCol());
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * The first difference between a refresh (column names, rows of plain values) and the cached table, or empty
     * when they are equal. Numbers compare by their M text (15 significant digits, as Excel stores them).
     */
    public static Optional<String> firstDifference(List<String> columns, List<List<Object>> rows,
            List<List<String>> cached) {
        cached = withoutAddedColumns(columns, cached);
        if (!cached.get(0).equals(columns)) {
            return Optional.of("columns " + columns + ", Excel has " + cached.get(0));
        }
        if (cached.size() - 1 != rows.size()) {
            return Optional.of(rows.size() + " rows, Excel has " + (cached.size() - 1));
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < columns.size(); c++) {
                if (VOLATILE.contains(columns.get(c))) {
                    continue;
                }
                String mine = normalize(rows.get(i).get(c));
                String excels = cached.get(i + 1).get(c);
                if (!mine.equals(excels) && !sameSerial(mine, excels)) {
                    return Optional.of("row " + (i + 1) + " column " + columns.get(c) + ": " + mine + ", Excel has "
                            + excels);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<List<String>>> binaryTable(String tableName) {
        for (Object[] entry : binaryTables.rows()) {
            if (tableName.equals(Thunk.force(entry[0]))) {
                MTable table = Values.table(entry[1]);
                List<List<String>> out = new ArrayList<>();
                out.add(table.columns());
                for (Object[] row : table.rows()) {
                    List<String> values = new ArrayList<>();
                    for (Object value : row) {
                        values.add(normalize(Thunk.force(value)));
                    }
                    out.add(values);
                }
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /**
     * The cached table without the columns its user added beside the query's (formula columns such as a Revenue
     * computed from two loaded ones): Excel keeps those in the query's table, but the query never loads them.
     */
    static List<List<String>> withoutAddedColumns(List<String> columns, List<List<String>> cached) {
        List<String> header = cached.get(0);
        if (header.size() <= columns.size() || !header.containsAll(columns)) {
            return cached;
        }
        int[] keep = columns.stream().mapToInt(header::indexOf).toArray();
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : cached) {
            List<String> kept = new ArrayList<>();
            for (int k : keep) {
                kept.add(row.get(k));
            }
            out.add(kept);
        }
        return out;
    }

    /** Date and time texts M writes for a datetime in a column of several kinds (Text.From, en-US). */
    private static final java.time.format.DateTimeFormatter M_DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.US);
    private static final java.time.format.DateTimeFormatter M_DATE =
            java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy", java.util.Locale.US);

    /**
     * Whether Excel's cell is the serial number of our date or datetime: Excel writes the dates of an untyped column
     * (type any) as bare serial numbers in General format, so its sheet shows 43780 where the query has 11/11/2019.
     */
    static boolean sameSerial(String mine, String excels) {
        double serial;
        try {
            serial = Double.parseDouble(excels);
        } catch (NumberFormatException e) {
            return false;
        }
        LocalDateTime when = parseDateTime(mine);
        return when != null && Math.abs(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(when) - serial) < 1e-6;
    }

    private static LocalDateTime parseDateTime(String text) {
        for (java.util.function.Function<String, LocalDateTime> parser : List.<java.util.function.Function<String, LocalDateTime>>of(
                s -> LocalDateTime.parse(s, M_DATETIME), s -> LocalDate.parse(s, M_DATE).atStartOfDay(),
                LocalDateTime::parse, s -> LocalDate.parse(s).atStartOfDay())) {
            try {
                return parser.apply(text);
            } catch (java.time.format.DateTimeParseException e) {
                // not this form
            }
        }
        return null;
    }

    private static List<List<String>> read(Sheet sheet, XSSFTable t) {
        CellReference from = t.getStartCellReference();
        CellReference to = t.getEndCellReference();
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        t.getColumns().forEach(c -> header.add(c.getName()));
        out.add(header);
        for (int r = from.getRow() + 1; r <= to.getRow() - t.getTotalsRowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = from.getCol(); c <= to.getCol(); c++) {
                row.add(normalize(sheet.getRow(r) == null ? null : ExcelTables.cellValue(sheet.getRow(r).getCell(c))));
            }
            out.add(row);
        }
        return out;
    }

    /** A value as Excel's sheet would show it once refreshed: dates without a midnight time, numbers as M text. */
    public static String normalize(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof org.gatehouse.powerquery.impl.value.Thunk error) {
            // an error cell (#N/A, #VALUE!) of the sheet: its message names the code
            try {
                return normalize(error.raw());
            } catch (org.gatehouse.powerquery.MException e) {
                return "#ERROR " + e.getMessage();
            }
        }
        if (v instanceof Number n) {
            // a decimal reaches Excel's sheet as .NET converts it to a double
            return Values.formatNumber(n instanceof java.math.BigDecimal ? Values.number(n) : n.doubleValue());
        }
        if (v instanceof LocalDateTime d) {
            LocalDateTime s = d.truncatedTo(ChronoUnit.SECONDS);
            if (s.toLocalDate().equals(LocalDate.of(1899, 12, 31))) {
                // a time of day: Excel's cell holds only the fraction of a day, serial 0 being 1900-01-00
                return s.toLocalTime().toString();
            }
            return s.toLocalTime().toSecondOfDay() == 0 ? s.toLocalDate().toString() : s.toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return v.toString();
    }

    @Override
    public void close() throws IOException {
        if (book != null) {
            book.close();
        }
    }
}
