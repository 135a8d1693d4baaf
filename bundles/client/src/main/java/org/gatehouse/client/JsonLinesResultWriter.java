package org.gatehouse.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gatehouse.api.Schema;
import org.gatehouse.protocol.TableHeader;

/**
 * Writes a result as JSON Lines: UTF-8, one object per row, LF line ends, column names as keys in column order.
 * Integers, longs, doubles and decimals are JSON numbers (decimals in plain notation with every digit; NaN and
 * infinities, which JSON lacks, as strings), booleans are booleans, null is null, dates and times ISO-8601 strings,
 * binary base64 strings.
 * <p>
 * All tables go to the target file. When the result has several tables, every row starts with a {@code "_table"}
 * field naming its table. Rows are staged per table without it (the table count is only known at the end), so a
 * result of several tables is copied once more at commit, adding the field; a single table is just moved.
 */
public final class JsonLinesResultWriter extends ResultFileWriter {

    /** The field that names a row's table in a result of several tables. */
    public static final String TABLE_FIELD = "_table";

    private final StringBuilder line = new StringBuilder(256);
    private String[] keys = new String[0];

    public JsonLinesResultWriter(Path target) {
        super(target);
    }

    @Override
    void writeTableStart(Writer out, TableHeader header) {
        Schema schema = header.schema();
        keys = new String[schema.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = JsonText.quote(schema.column(i).name()) + ":"; // escaped once per table, not once per row
        }
    }

    @Override
    void writeRow(Writer out, TableHeader header, Object[] values) throws IOException {
        line.setLength(0);
        line.append('{');
        Schema schema = header.schema();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(keys[i]);
            JsonText.appendValue(line, schema.column(i).type(), values[i]);
        }
        line.append("}\n");
        out.append(line);
    }

    @Override
    List<Path> publishSeveral(List<StagedTable> tables, Path target) throws IOException {
        Path merged = OutputFiles.newPart(target);
        try {
            try (Writer out = newWriter(merged)) {
                for (StagedTable table : tables) {
                    copyWithTableField(table, out);
                }
            }
            OutputFiles.publish(merged, target);
        } finally {
            Files.deleteIfExists(merged);
        }
        return List.of(target);
    }

    /** Copies a staged table's lines, turning {@code {"a":1}} into {@code {"_table":"t","a":1}}. */
    private static void copyWithTableField(StagedTable table, Writer out) throws IOException {
        String prefix = "{" + JsonText.quote(TABLE_FIELD) + ":" + JsonText.quote(table.header().name());
        try (BufferedReader in = Files.newBufferedReader(table.part(), StandardCharsets.UTF_8)) {
            // line breaks inside values are escaped, so every line is exactly one row object
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                out.write(prefix);
                if (row.length() > 2) { // not an empty object "{}"
                    out.write(',');
                }
                out.write(row, 1, row.length() - 1);
                out.write('\n');
            }
        }
    }
}
