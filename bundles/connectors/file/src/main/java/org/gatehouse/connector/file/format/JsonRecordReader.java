package org.gatehouse.connector.file.format;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Records from JSON, read with Jackson's streaming parser: nothing but the current record is ever in memory.
 * <ul>
 * <li>No record path: a top-level array of objects is one record per element; top-level objects one after another
 * (NDJSON, or a single object) are one record each.</li>
 * <li>A record path {@code a.b}: the array (or single object) found under those fields of the first top-level object.
 * One other path, the {@code capturePath} (a next-page link such as {@code @odata.nextLink}), is remembered wherever
 * it sits, before or after the records.</li>
 * </ul>
 * Nested objects are flattened into {@code parent.child} names; arrays inside a record become their JSON text; an
 * element that is not an object is one field named {@code Value}.
 */
public final class JsonRecordReader implements RecordReader {

    private static final String VALUE = "Value";

    private final JsonParser parser;
    private final String source;
    private final String[] recordPath;
    private final String[] capturePath;
    private final JsonFactory factory;

    private String captured;
    private boolean dropAnnotations;
    private boolean started;
    private boolean finished;
    /** Inside the record array (true) or reading top-level objects one by one (false, no record path). */
    private boolean inArray;
    /** With a record path: how many enclosing objects of the path are open around the records. */
    private int openLevels;
    private boolean single;

    private final List<String> nameList = new ArrayList<>();
    private final List<Object> valueList = new ArrayList<>();
    private String[] names = new String[0];
    private Object[] values = new Object[0];
    private long record;
    private JsonLocation recordStart;

    public JsonRecordReader(JsonFactory factory, JsonParser parser, String source, String recordPath,
            String capturePath) {
        this.factory = factory;
        this.parser = parser;
        this.source = source;
        this.recordPath = split(recordPath);
        this.capturePath = split(capturePath);
    }

    /**
     * Splits {@code a.b.c} into field names; a name with dots in it is written in brackets and quotes:
     * {@code ['@odata.nextLink']} or {@code data['odd.name']}. A leading {@code $} or {@code $.} is allowed.
     */
    static String[] split(String path) {
        if (path == null || path.isBlank() || path.trim().equals("$")) {
            return new String[0];
        }
        String p = path.trim();
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[' && i + 1 < p.length() && (p.charAt(i + 1) == '\'' || p.charAt(i + 1) == '"')) {
                char quote = p.charAt(i + 1);
                int end = p.indexOf(quote, i + 2);
                if (end < 0 || end + 1 >= p.length() || p.charAt(end + 1) != ']') {
                    throw new IllegalArgumentException("unclosed ['...'] in JSON path '" + path + "'");
                }
                names.add(p.substring(i + 2, end));
                i = end + 2;
            } else {
                int end = i;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                names.add(p.substring(i, end));
                i = end;
            }
        }
        return names.toArray(new String[0]);
    }

    /**
     * Leaves out instance annotations ({@code @odata.etag}, {@code Price@odata.type}): OData control information,
     * not data.
     */
    public JsonRecordReader dropAnnotations() {
        this.dropAnnotations = true;
        return this;
    }

    /** The value found at the capture path, once the reader has passed it (at the latest after the last record). */
    public String captured() {
        return captured;
    }

    @Override
    public boolean next() throws IOException, MalformedRecordException {
        try {
            if (finished) {
                return false;
            }
            if (!started) {
                started = true;
                if (!begin()) {
                    finish();
                    return false;
                }
                if (single) {
                    readRecord();
                    return true;
                }
            }
            JsonToken token = parser.nextToken();
            if (inArray) {
                if (token == JsonToken.END_ARRAY || token == null) {
                    finish();
                    return false;
                }
            } else if (token == null) {
                finished = true;
                return false;
            }
            readRecord();
            return true;
        } catch (JsonParseException e) {
            throw invalid(e);
        }
    }

    private MalformedRecordException invalid(JsonParseException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr()
                + (at.getCharOffset() >= 0 ? " (character " + at.getCharOffset() + ")"
                        : at.getByteOffset() >= 0 ? " (byte " + at.getByteOffset() + ")" : "");
        return new MalformedRecordException(source + ": invalid JSON" + where + ": " + e.getOriginalMessage(),
                false);
    }

    /** Positions the parser before the first record; false when there are none. */
    private boolean begin() throws IOException, MalformedRecordException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        if (recordPath.length == 0) {
            if (token == JsonToken.START_ARRAY) {
                inArray = true;
                return true;
            }
            // top-level objects one after the other: the parser is on the first; hand it out as the first record
            single = true;
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedRecordException(source + ": expected a JSON object at the top to find '"
                    + String.join(".", recordPath) + "', found " + describe(token), false);
        }
        return descend(0);
    }

    /** Walks the fields of the object at {@code level} of the record path until the records start. */
    private boolean descend(int level) throws IOException, MalformedRecordException {
        openLevels = level + 1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(recordPath[level])) {
                if (level == recordPath.length - 1) {
                    if (value == JsonToken.START_ARRAY) {
                        inArray = true;
                        return true;
                    }
                    if (value == JsonToken.START_OBJECT) {
                        single = true;
                        return true;
                    }
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    throw new MalformedRecordException(source + ": '" + String.join(".", recordPath)
                            + "' is " + describe(value) + ", not an array or object of records", false);
                }
                if (value == JsonToken.START_OBJECT) {
                    return descend(level + 1);
                }
            }
            visitForCapture(level, name, value);
        }
        openLevels = level;
        return false;
    }

    /** Reads a field off the record path: remembers it if it is (or leads to) the capture path, else skips it. */
    private void visitForCapture(int level, String name, JsonToken value) throws IOException {
        visitForCapture(level, name, value, prefixMatches(level));
    }

    /** {@code onCapturePath}: whether the fields around this one are the capture path's first {@code level}. */
    private void visitForCapture(int level, String name, JsonToken value, boolean onCapturePath) throws IOException {
        if (onCapturePath && capturePath.length > level && capturePath[level].equals(name)) {
            if (level == capturePath.length - 1) {
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    captured = parser.getText();
                } else {
                    parser.skipChildren();
                }
                return;
            }
            if (value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String child = parser.currentName();
                    visitForCapture(level + 1, child, parser.nextToken(), true);
                }
                return;
            }
        }
        parser.skipChildren();
    }

    private boolean prefixMatches(int level) {
        if (capturePath.length <= level) {
            return false;
        }
        for (int i = 0; i < level; i++) {
            if (i >= recordPath.length || !recordPath[i].equals(capturePath[i])) {
                return false;
            }
        }
        return true;
    }

    /** After the records: reads the rest of the enclosing objects for the capture path, and checks the syntax. */
    private void finish() throws IOException {
        finished = true;
        for (int level = openLevels - 1; level >= 0; level--) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                visitForCapture(level, name, parser.nextToken());
            }
        }
        openLevels = 0;
    }

    private void readRecord() throws IOException, MalformedRecordException {
        record++;
        recordStart = parser.currentTokenLocation();
        nameList.clear();
        valueList.clear();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            readObject("");
        } else {
            nameList.add(VALUE);
            valueList.add(scalarOrText(token));
        }
        if (single) {
            if (recordPath.length == 0) {
                // NDJSON: the next top-level value comes from the parser as usual
                single = false;
            } else {
                finishAfterSingle();
            }
        }
        if (nameList.size() != names.length || !sameNames()) {
            names = nameList.toArray(new String[0]);
        }
        values = valueList.toArray();
    }

    private void finishAfterSingle() throws IOException {
        single = false;
        finish();
        finished = true;
    }

    private boolean sameNames() {
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(nameList.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void readObject(String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            String name = prefix + field;
            JsonToken value = parser.nextToken();
            if (dropAnnotations && field.indexOf('@') >= 0) {
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                readObject(name + ".");
            } else {
                nameList.add(name);
                valueList.add(scalarOrText(value));
            }
        }
    }

    private Object scalarOrText(JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new java.math.BigDecimal(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case START_ARRAY:
            case START_OBJECT:
                StringWriter text = new StringWriter();
                try (JsonGenerator generator = factory.createGenerator(text)) {
                    generator.copyCurrentStructure(parser);
                }
                return text.toString();
            default:
                return parser.getText();
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "the end of the input" : token.asString() == null ? token.name() : token.asString();
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
        return source + " record " + record + (recordStart == null ? ""
                : " (line " + recordStart.getLineNr() + " column " + recordStart.getColumnNr() + ")");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    @Override
    public String toString() {
        return source + " " + Arrays.toString(recordPath);
    }
}
