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
        } else if (options != null) {
            columns = options;
            if (delimiterArg != null) {
                delimiter = Values.text(delimiterArg);
            }
        }
        Format format = new Format(delimiter, csvQuotes, encoding);
        if (source instanceof MBinary b && b.isStreamed()) {
            List<String> names = columns instanceof MList l ? CoreFunctions.names(l)
                    : columnNames(columns == null ? widest(b, format) : (int) Values.number(columns));
            int width = names.size();
            return MTable.streamed(names, null, () -> new CsvCursor(open(b, format), width));
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
        List<String> names = columns instanceof MList l ? CoreFunctions.names(l) : columnNames(columns == null
                ? records.stream().mapToInt(List::size).max().orElse(0) : (int) Values.number(columns));
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> r : records) {
            rows.add(row(r, names.size()));
        }
        return new MTable(names, null, rows);
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

        CsvCursor(CsvRecords in, int width) {
            this.in = in;
            this.width = width;
        }

        @Override
        public Object[] next() {
            try {
                return in.nextRow(width);
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
