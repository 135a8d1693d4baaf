package org.gatehouse.powerquery.impl.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a character stream. QuoteStyle.None splits lines first (a line break inside
 * quotes still ends the record) and honours quotes within a line; QuoteStyle.Csv lets a quoted field span lines.
 * A final line break does not make an extra empty record.
 */
final class CsvRecords implements AutoCloseable {

    private final BufferedReader in;
    private final String delimiter;
    private final boolean csvQuotes;
    private final StringBuilder cur = new StringBuilder();
    private boolean ended;

    CsvRecords(Reader in, String delimiter, boolean csvQuotes) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        this.delimiter = delimiter;
        this.csvQuotes = csvQuotes;
    }

    /**
     * The next record as a row of {@code width} cells (missing cells null, extra fields dropped), or null at the end.
     * A plain line (no quotes, a one-character delimiter) is cut straight into the row.
     */
    Object[] nextRow(int width) throws IOException {
        if (!csvQuotes && delimiter.length() == 1) {
            if (ended) {
                return null;
            }
            String line = in.readLine();
            if (line == null) {
                ended = true;
                return null;
            }
            if (line.indexOf('"') < 0) {
                return cutPlain(line, delimiter.charAt(0), width);
            }
            return toRow(TextFunctions.splitQuoted(line, delimiter), width);
        }
        List<Object> record = next();
        return record == null ? null : toRow(record, width);
    }

    static Object[] toRow(List<Object> record, int width) {
        Object[] row = new Object[width];
        for (int i = 0; i < row.length && i < record.size(); i++) {
            row[i] = record.get(i);
        }
        return row;
    }

    private static Object[] cutPlain(String line, char delimiter, int width) {
        Object[] row = new Object[width];
        int start = 0;
        for (int i = 0; i < width; i++) {
            int end = line.indexOf(delimiter, start);
            if (end < 0) {
                row[i] = line.substring(start);
                break;
            }
            row[i] = line.substring(start, end);
            start = end + 1;
        }
        return row;
    }

    /** The next record's fields, or null at the end. */
    List<Object> next() throws IOException {
        if (ended) {
            return null;
        }
        if (!csvQuotes) {
            // readLine ends lines at \r\n, \n or \r and yields no empty last line after a final break, as wanted
            String line = in.readLine();
            if (line == null) {
                ended = true;
                return null;
            }
            return delimiter.length() == 1 && line.indexOf('"') < 0 ? splitPlain(line, delimiter.charAt(0))
                    : TextFunctions.splitQuoted(line, delimiter);
        }
        return quotedRecord();
    }

    /** The common case, no quotes on the line and a one-character delimiter, without a per-character state machine. */
    private static List<Object> splitPlain(String line, char delimiter) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, start)) {
            out.add(line.substring(start, i));
            start = i + 1;
        }
        out.add(line.substring(start));
        return out;
    }

    private List<Object> quotedRecord() throws IOException {
        List<Object> record = new ArrayList<>();
        cur.setLength(0);
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                ended = true;
                if (!any || record.isEmpty() && cur.length() == 0) {
                    return null; // nothing (or a lone empty field) after the last line break
                }
                record.add(cur.toString());
                return record;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        cur.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    cur.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter.charAt(0) && atRestOfDelimiter()) {
                record.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                record.add(cur.toString());
                return record;
            } else {
                cur.append((char) c);
            }
        }
    }

    /** After the delimiter's first character: consumes the rest of it if it follows, else reads nothing. */
    private boolean atRestOfDelimiter() throws IOException {
        if (delimiter.length() == 1) {
            return true;
        }
        in.mark(delimiter.length());
        for (int i = 1; i < delimiter.length(); i++) {
            if (in.read() != delimiter.charAt(i)) {
                in.reset();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
