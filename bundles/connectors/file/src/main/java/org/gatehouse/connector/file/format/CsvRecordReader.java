package org.gatehouse.connector.file.format;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CSV/TSV parser: quoted fields with embedded delimiters and line breaks, doubled quotes or an escape
 * character, CR, LF or CRLF line ends. It holds one record; a field is bounded by {@code maxFieldChars} so an
 * unterminated quote cannot pull a whole file into memory.
 * <p>
 * Without a header the columns are named Column1, Column2... after the first record's width (as Power Query does).
 * A record with another number of fields than the header is malformed; so is a quote that does not close, or text
 * after a closing quote.
 */
public final class CsvRecordReader implements RecordReader {

    private static final int EOF = -1;

    private final Reader in;
    private final String source;
    private final CsvOptions options;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    private String[] names;
    private Object[] values;
    private long line = 1;
    private long recordLine;
    private boolean started;

    public CsvRecordReader(Reader in, String source, CsvOptions options) {
        this.in = in;
        this.source = source;
        this.options = options;
    }

    /** Reads the header (or the first record, for its width) so {@link #names()} is known before any record. */
    public String[] start() throws IOException, MalformedRecordException {
        if (started) {
            return names;
        }
        started = true;
        if (!readRecord()) {
            names = new String[0];
            return names;
        }
        if (options.header()) {
            names = uniqueNames(fields);
            values = new Object[names.length];
        } else {
            names = new String[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = "Column" + (i + 1);
            }
            values = new Object[names.length];
            pending = true;
        }
        return names;
    }

    private boolean pending;

    @Override
    public boolean next() throws IOException, MalformedRecordException {
        start();
        if (pending) {
            pending = false;
            return fill();
        }
        if (!readRecord()) {
            return false;
        }
        return fill();
    }

    private boolean fill() throws MalformedRecordException {
        if (fields.size() != names.length) {
            throw new MalformedRecordException(location() + ": " + fields.size() + " fields where the "
                    + (options.header() ? "header has " : "first record has ") + names.length, true);
        }
        for (int i = 0; i < names.length; i++) {
            values[i] = fields.get(i);
        }
        return true;
    }

    /** Reads one record into {@link #fields}; false at the end of the input. Blank lines are skipped. */
    private boolean readRecord() throws IOException, MalformedRecordException {
        fields.clear();
        int c = read();
        while (c == '\r' || c == '\n') {
            lineEnd(c);
            c = read();
        }
        if (c == EOF) {
            return false;
        }
        recordLine = line;
        while (true) {
            field.setLength(0);
            if (c == options.quote()) {
                c = quotedField();
            } else {
                while (c != options.delimiter() && c != '\r' && c != '\n' && c != EOF) {
                    append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c == options.delimiter()) {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                lineEnd(c);
            }
            return true;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quotedField() throws IOException, MalformedRecordException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new MalformedRecordException(source + " line " + startLine
                        + ": a quoted field is not closed before the end of the file", false);
            }
            if (c == options.escape() && options.escape() != options.quote()) {
                int escaped = read();
                if (escaped == EOF) {
                    throw new MalformedRecordException(source + " line " + line
                            + ": the file ends after an escape character", false);
                }
                append((char) escaped);
                continue;
            }
            if (c == options.quote()) {
                int after = read();
                if (after == options.quote()) {
                    append((char) after);
                    continue;
                }
                if (after != options.delimiter() && after != '\r' && after != '\n' && after != EOF) {
                    long where = line;
                    skipToLineEnd(after);
                    throw new MalformedRecordException(source + " line " + where
                            + ": unexpected text after a closing quote", true);
                }
                return after;
            }
            if (c == '\n' || (c == '\r')) {
                line++;
                if (c == '\r') {
                    int n = read();
                    if (n != '\n' && n != EOF) {
                        unread();
                    } else if (n == '\n') {
                        append('\r');
                        c = '\n';
                    }
                }
            }
            append((char) c);
        }
    }

    private void skipToLineEnd(int c) throws IOException {
        while (c != '\r' && c != '\n' && c != EOF) {
            c = read();
        }
        if (c != EOF) {
            lineEnd(c);
        }
        fields.clear();
    }

    /** Consumes the rest of a line end starting with {@code c} (the LF of a CRLF). */
    private void lineEnd(int c) throws IOException {
        line++;
        if (c == '\r') {
            int n = read();
            if (n != '\n' && n != EOF) {
                unread();
            }
        }
    }

    private void append(char c) throws MalformedRecordException {
        if (field.length() >= options.maxFieldChars()) {
            throw new MalformedRecordException(source + " line " + recordLine + ": a field is longer than "
                    + options.maxFieldChars() + " characters (an unclosed quote?)", false);
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    /** Steps back one character; only ever called right after a successful read(). */
    private void unread() {
        position--;
    }

    private static String[] uniqueNames(List<String> header) {
        String[] names = new String[header.size()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = header.get(i).trim();
            if (name.isEmpty()) {
                name = "Column" + (i + 1);
            }
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names[i] = unique;
        }
        return names;
    }

    @Override
    public String[] knownNames() throws IOException, MalformedRecordException {
        return start();
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
        return source + " line " + recordLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
