package org.gatehouse.bench.powerquery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's input: {@code id,region,amount,quantity} with a header, every value a pure function of the row
 * number so every machine reads the same file. Written once under target/ and reused while it has the right size.
 */
final class SalesCsv {

    static final String[] REGIONS = {"North", "South", "East", "West", "Central", "Islands", "Coast", "Mountains",
        "Valley", "Plains", "Harbour", "Forest", "Desert", "Lakes", "Capital", "Border"};

    private SalesCsv() {
    }

    static Path ensure(Path file, int rows) throws IOException {
        Path marker = file.resolveSibling(file.getFileName() + "." + rows + ".complete");
        if (Files.exists(file) && Files.exists(marker)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,region,amount,quantity\n");
            StringBuilder line = new StringBuilder();
            for (int id = 1; id <= rows; id++) {
                line.setLength(0);
                // amounts 0.00 to 999.99 in a scattered order, so the filter keeps about half the rows
                long cents = (id * 7919L) % 100000;
                line.append(id).append(',').append(REGIONS[id % REGIONS.length]).append(',')
                        .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
                        .append(',').append(id % 9 + 1).append('\n');
                out.append(line);
            }
        }
        Files.writeString(marker, "");
        return file;
    }
}
