package org.gatehouse.client.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.gatehouse.client.CsvResultWriter;
import org.gatehouse.client.JsonLinesResultWriter;
import org.gatehouse.client.ResultFileWriter;

/** The file formats of the refresh command. */
enum OutputFormat {
    CSV("csv"),
    JSONL("jsonl");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    ResultFileWriter writer(Path target) {
        return this == CSV ? new CsvResultWriter(target) : new JsonLinesResultWriter(target);
    }

    static OutputFormat named(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new UsageException("option --format must be csv or jsonl, got '" + name + "'");
        };
    }

    /** The format a file name implies: .jsonl and .ndjson mean JSON lines, anything else CSV. */
    static OutputFormat forFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? JSONL : CSV;
    }
}
