package org.gatehouse.client;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.protocol.TableHeader;

/**
 * Writes a result as CSV (RFC 4180): UTF-8, CRLF line ends, a header row of column names, fields quoted when they
 * hold a comma, quote, CR or LF. A null is an empty field and an empty string a quoted empty field {@code ""}, the
 * distinction PostgreSQL's and most loaders' CSV import make. Values use {@link ValueText}: plain decimals, ISO-8601
 * dates and times, base64 binary.
 * <p>
 * One table is written to the target file. A result of several tables (a dataset with several queries) is written
 * one file per table, named after the target and the table: {@code sales.csv} becomes {@code sales-orders.csv} and
 * {@code sales-customers.csv}, since CSV has no way to hold tables of different columns in one file.
 */
public final class CsvResultWriter extends ResultFileWriter {

    private static final String LINE_END = "\r\n";

    private final StringBuilder line = new StringBuilder(256);

    public CsvResultWriter(Path target) {
        super(target);
    }

    @Override
    void writeTableStart(Writer out, TableHeader header) throws IOException {
        line.setLength(0);
        Schema schema = header.schema();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, schema.column(i).name());
        }
        out.append(line).append(LINE_END);
    }

    @Override
    void writeRow(Writer out, TableHeader header, Object[] values) throws IOException {
        line.setLength(0);
        Schema schema = header.schema();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendValue(line, schema.column(i).type(), values[i]);
        }
        out.append(line).append(LINE_END);
    }

    @Override
    List<Path> publishSeveral(List<StagedTable> tables, Path target) throws IOException {
        List<Path> files = OutputFiles.perTable(target, tables.stream().map(t -> t.header().name()).toList());
        for (int i = 0; i < tables.size(); i++) {
            OutputFiles.publish(tables.get(i).part(), files.get(i));
        }
        return files;
    }

    static void appendValue(StringBuilder out, ColumnType type, Object value) {
        if (value != null) {
            appendField(out, ValueText.of(type, value));
        }
    }

    static void appendField(StringBuilder out, String text) {
        if (!needsQuotes(text)) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
