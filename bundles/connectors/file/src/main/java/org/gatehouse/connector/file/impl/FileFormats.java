package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.connector.file.format.CsvOptions;
import org.gatehouse.connector.file.format.CsvRecordReader;
import org.gatehouse.connector.file.format.JsonRecordReader;
import org.gatehouse.connector.file.format.MalformedRecordException;
import org.gatehouse.connector.file.format.RecordReader;
import org.gatehouse.connector.file.format.TextDecoding;

/** Opens one file as records, in the format its options or its extension say. */
final class FileFormats {

    private static final JsonFactory JSON = new JsonFactory();

    private final FileOptions options;
    private final String configuredFormat;
    private final Charset encoding;
    private final CsvOptions csv;
    private final CsvOptions tsv;

    FileFormats(FileOptions options) throws ConnectorException {
        this.options = options;
        this.configuredFormat = options.format();
        if (configuredFormat != null && !knownFormat(configuredFormat)) {
            throw options.invalid("unknown format '" + configuredFormat + "' (csv, tsv, json, ndjson, xlsx)");
        }
        this.encoding = options.encoding();
        this.csv = options.csv(false);
        this.tsv = options.csv(true);
    }

    private static boolean knownFormat(String format) {
        return switch (format) {
            case "csv", "tsv", "txt", "json", "ndjson", "jsonl", "xlsx", "xlsm" -> true;
            default -> false;
        };
    }

    /** The format of one file: the configured one, else its extension. */
    String formatOf(Path file) throws UnsupportedFormatException {
        String format = configuredFormat != null ? configuredFormat : FileTarget.extension(file);
        switch (format) {
            case "csv", "txt":
                return "csv";
            case "tsv", "tab":
                return "tsv";
            case "json", "ndjson", "jsonl":
                return "json";
            case "xlsx", "xlsm":
                return "xlsx";
            case "xls", "xlsb":
                throw new UnsupportedFormatException("." + format + " workbooks are not supported; save it as "
                        + ".xlsx");
            default:
                throw new UnsupportedFormatException("cannot tell the format of '" + file.getFileName()
                        + "' from its extension; set 'format' (csv, tsv, json, ndjson, xlsx)");
        }
    }

    RecordReader open(Path file, String shown, String item) throws IOException, MalformedRecordException,
            UnsupportedFormatException {
        String format = formatOf(file);
        if (format.equals("xlsx")) {
            return XlsxRecordReader.open(file, shown, item, options.header());
        }
        InputStream in = Files.newInputStream(file);
        try {
            if (format.equals("json")) {
                Reader reader = TextDecoding.reader(in, encoding);
                JsonParser parser = JSON.createParser(reader);
                return new JsonRecordReader(JSON, parser, shown, options.recordPath(), null);
            }
            return new CsvRecordReader(TextDecoding.reader(in, encoding), shown, format.equals("tsv") ? tsv : csv);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A file whose format this connector does not read. */
    static final class UnsupportedFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedFormatException(String message) {
            super(message);
        }
    }
}
