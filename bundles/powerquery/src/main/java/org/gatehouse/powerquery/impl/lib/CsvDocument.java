package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Csv.Document: all cells are text, columns Column1..N. Text and binaries in memory give a table in memory; a streamed
 * binary (File.Contents) gives a streamed table that parses the file again on each enumeration, so a large file is
 * never held. Without a Columns option the width is the widest record, which costs one extra read of a streamed file.
 * Columns may be a count, a list of names or a table type; with it, a record shorter than the columns gets empty
 * texts for the missing cells, as Power Query gives (without it, the missing cells are null).
 */
final class CsvDocument {

    private CsvDocument() {
    }

    private record Format(String delimiter, boolean csvQuotes, Object encoding) { }

    static MTable read(Object source, Object options, Object delimiterArg, Object encodingArg) {
        String delimiter = ",";
        Object columns = null;
        Object encoding = encodingArg;
        boolean csvQuotes = false;
        if (options instanceof MRecord o) {
            if (o.has("Delimiter") && o.get("Delimiter") != null) {
                delimiter = Values.text(o.get("Delimiter"));
            }
            columns = Args.option(o, "Columns");
            if (o.has("Encoding")) {
                encoding = o.get("Encoding");
            }
            csvQuotes = o.has("QuoteStyle") && o.get("QuoteStyle") instanceof Double q && q == 1;
        } else {
            // the positional form: Csv.Document(source, columns, delimiter, extraValues, encoding)
            columns = options;
            if (delimiterArg != null) {
                delimiter = Values.text(delimiterArg);
            }
        }
        Format format = new Format(delimiter, csvQuotes, encoding);
        List<String> declared = declaredNames(columns);
        boolean padWithEmpty = declared != null;
        if (source instanceof MBinary b && b.isStreamed()) {
            List<String> names = declared != null ? declared : columnNames(widest(b, format));
            int width = names.size();
            return MTable.streamed(names, null, () -> new CsvCursor(open(b, format), width, padWithEmpty));
        }
        String text = source instanceof MBinary b ? Encodings.decode(b.bytes(), encoding) : Values.text(source);
        List<List<Object>> records = new ArrayList<>();
        try (CsvRecords in = new CsvRecords(new StringReader(text), delimiter, csvQuotes)) {
            for (List<Object> r = in.next(); r != null; r = in.next()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        List<String> names = declared != null ? declared
                : columnNames(records.stream().mapToInt(List::size).max().orElse(0));
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> r : records) {
            rows.add(padWithEmpty ? emptyForMissing(row(r, names.size())) : row(r, names.size()));
        }
        return new MTable(names, null, rows);
    }

    /** The column names the Columns option declares (a count, a list of names, a table type), or null for none. */
    private static List<String> declaredNames(Object columns) {
        Object spec = Values.strip(columns);
        if (spec == null) {
            return null;
        }
        if (spec instanceof MList l) {
            return CoreFunctions.names(l);
        }
        if (spec instanceof MType t && t.kind().equals("table")) {
            return t.fieldList();
        }
        return columnNames((int) Values.number(spec));
    }

    /** Cells a short record did not have: empty texts, not nulls (CSV cells are never null otherwise). */
    private static Object[] emptyForMissing(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                row[i] = "";
            }
        }
        return row;
    }

    private static List<String> columnNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("Column" + i);
        }
        return names;
    }

    private static Object[] row(List<Object> record, int width) {
        Object[] row = new Object[width];
        for (int i = 0; i < row.length && i < record.size(); i++) {
            row[i] = record.get(i);
        }
        return row;
    }

    private static CsvRecords open(MBinary b, Format format) {
        try {
            Reader reader = Encodings.reader(b.open(), format.encoding());
            return new CsvRecords(reader, format.delimiter(), format.csvQuotes());
        } catch (IOException e) {
            throw readFailed(e);
        }
    }

    private static MException readFailed(IOException e) {
        return new MException("DataSource.Error", "Could not read the CSV data: " + e.getMessage());
    }

    /** The widest record of a streamed file, read through without keeping anything. */
    private static int widest(MBinary b, Format format) {
        int widest = 0;
        try (CsvRecords in = open(b, format)) {
            for (List<Object> r = in.next(); r != null; r = in.next()) {
                widest = Math.max(widest, r.size());
            }
        } catch (IOException e) {
            throw readFailed(e);
        }
        return widest;
    }

    /** One enumeration of a streamed CSV. */
    private static final class CsvCursor implements RowCursor {

        private final CsvRecords in;
        private final int width;
        private final boolean padWithEmpty;

        CsvCursor(CsvRecords in, int width, boolean padWithEmpty) {
            this.in = in;
            this.width = width;
            this.padWithEmpty = padWithEmpty;
        }

        @Override
        public Object[] next() {
            try {
                Object[] row = in.nextRow(width);
                return row != null && padWithEmpty ? emptyForMissing(row) : row;
            } catch (IOException e) {
                throw readFailed(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // closing a file we only read: nothing was lost
            }
        }
    }
}
