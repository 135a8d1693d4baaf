package org.gatehouse.connector.file.impl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.gatehouse.api.Column;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.connector.file.format.CsvOptions;
import org.gatehouse.connector.file.format.TextDecoding;
import org.gatehouse.connector.file.format.Typing;

/**
 * A read's options: the data source's settings, overridden by the query's options of the same name (a dataset
 * configuration's {@code query.<name>.<option>}). Every key is listed in docs/connectors.md.
 */
final class FileOptions {

    static final int DEFAULT_SAMPLE_ROWS = 1000;

    private final String dataSourceId;
    private final Map<String, String> values;

    FileOptions(DataSourceSettings settings, Query query) {
        this.dataSourceId = settings.id();
        Map<String, String> merged = new TreeMap<>(settings.properties());
        if (query != null) {
            merged.putAll(query.options());
        }
        this.values = merged;
    }

    String get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value;
    }

    String folder() {
        return get("folder");
    }

    /** csv, tsv, json, ndjson or xlsx; null to decide by each file's extension. */
    String format() {
        String format = get("format");
        return format == null ? null : format.trim().toLowerCase(Locale.ROOT);
    }

    boolean header() {
        String header = get("header");
        return header == null || Boolean.parseBoolean(header.trim());
    }

    boolean skipMalformedRows() {
        String skip = get("skipMalformedRows");
        return skip != null && Boolean.parseBoolean(skip.trim());
    }

    int sampleRows() throws ConnectorException {
        return positive("sampleRows", DEFAULT_SAMPLE_ROWS);
    }

    String sheet() {
        String table = get("table");
        return table != null ? table : get("sheet");
    }

    String recordPath() {
        return get("recordPath");
    }

    String sourceColumn() {
        String column = get("sourceColumn");
        return column == null ? "Source.Name" : column.trim();
    }

    java.nio.charset.Charset encoding() throws ConnectorException {
        try {
            return TextDecoding.charset(get("encoding"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The declared schema, or null to infer the types from the first {@link #sampleRows()} rows. */
    List<Column> columns() throws ConnectorException {
        String declared = get("columns");
        if (declared == null) {
            return null;
        }
        try {
            return Typing.parseColumns(declared);
        } catch (IllegalArgumentException e) {
            throw invalid("'columns': " + e.getMessage());
        }
    }

    CsvOptions csv(boolean tabSeparated) throws ConnectorException {
        // a setting of a single space or tab survives DataSourceSettings' trimming only by name ("tab", "space")
        String rawDelimiter = values.get("delimiter");
        try {
            int delimiter = CsvOptions.character(rawDelimiter, tabSeparated ? '\t' : ',', "delimiter");
            int quote = CsvOptions.character(values.get("quote"), '"', "quote");
            int escape = CsvOptions.character(values.get("escape"), -1, "escape");
            if (delimiter < 0) {
                throw invalid("'delimiter' cannot be none");
            }
            return new CsvOptions((char) delimiter, quote, escape, header(),
                    positive("maxFieldChars", CsvOptions.DEFAULT_MAX_FIELD_CHARS));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private int positive(String key, int defaultValue) throws ConnectorException {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'" + key + "' must be a positive number, got '" + value.trim() + "'");
    }

    ConnectorException invalid(String problem) {
        return new ConnectorException(Reason.INVALID_SETTINGS, "data source " + dataSourceId + ": " + problem);
    }
}
