package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/**
 * Csv.Document: all cells are text, columns Column1..N. QuoteStyle.Csv lets a quoted field span lines;
 * QuoteStyle.None (the default) splits lines first and only then honours quotes inside a line.
 */
final class CsvDocument {

    private CsvDocument() {
    }

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
        String text = source instanceof MBinary b ? Encodings.decode(b.bytes(), encoding) : Values.text(source);
        List<List<Object>> records = csvQuotes ? quotedRecords(text, delimiter) : lineRecords(text, delimiter);
        List<String> names = new ArrayList<>();
        if (columns instanceof MList l) {
            names.addAll(CoreFunctions.names(l));
        } else {
            int n = columns == null ? records.stream().mapToInt(List::size).max().orElse(0) : (int) Values.number(columns);
            for (int i = 1; i <= n; i++) {
                names.add("Column" + i);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> r : records) {
            Object[] row = new Object[names.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = i < r.size() ? r.get(i) : null;
            }
            rows.add(row);
        }
        return new MTable(names, null, rows);
    }

    private static List<List<Object>> lineRecords(String text, String delimiter) {
        List<List<Object>> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r", -1)) {
            out.add(TextFunctions.splitQuoted(line, delimiter));
        }
        dropTrailingEmpty(out);
        return out;
    }

    private static List<List<Object>> quotedRecords(String text, String delimiter) {
        List<List<Object>> out = new ArrayList<>();
        List<Object> record = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (text.startsWith(delimiter, i)) {
                record.add(cur.toString());
                cur.setLength(0);
                i += delimiter.length() - 1;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cur.toString());
                cur.setLength(0);
                out.add(record);
                record = new ArrayList<>();
            } else {
                cur.append(c);
            }
        }
        record.add(cur.toString());
        out.add(record);
        dropTrailingEmpty(out);
        return out;
    }

    /** A final line break does not make an extra empty row. */
    private static void dropTrailingEmpty(List<List<Object>> records) {
        if (!records.isEmpty()) {
            List<Object> last = records.get(records.size() - 1);
            if (last.size() == 1 && "".equals(last.get(0))) {
                records.remove(records.size() - 1);
            }
        }
    }
}
