package org.gatehouse.connector.file.impl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;

/**
 * Writes a CSV file of about the given size and reads it through the file connector, in a JVM started with a small
 * -Xmx by {@link BoundedMemoryTest} (or by hand). Prints one line: rows, bytes, seconds, peak heap. Exits 1 when
 * the row count is not the one written.
 * <p>
 * {@code java -Xmx256m -cp ... org.gatehouse.connector.file.impl.BigCsvRead <folder> <megabytes>}
 */
public final class BigCsvRead {

    private BigCsvRead() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Paths.get(args[0]);
        long megabytes = Long.parseLong(args[1]);
        Path file = folder.resolve("big.csv");
        long written = write(file, megabytes * 1024 * 1024);
        long bytes = Files.size(file);

        FileConnector connector = new FileConnector(folder.toString());
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (RowSource source = connector.open(new DataSourceSettings("big", "file", Map.of("folder",
                folder.toString())), Credentials.anonymous(), new Query("big", "big.csv"))) {
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                rows++;
                checksum += (Long) row[0] + ((BigDecimal) row[2]).unscaledValue().longValue() + row[3].hashCode();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("rows=%d bytes=%d seconds=%.1f rowsPerSecond=%.0f MBps=%.1f peakHeapMB=%d maxHeapMB=%d"
                + " checksum=%d%n", rows, bytes, seconds, rows / seconds, bytes / 1048576.0 / seconds,
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20, checksum);
        Files.delete(file);
        System.exit(rows == written ? 0 : 1);
    }

    /** Rows of id, date, amount, a quoted text with a comma and a doubled quote, until {@code size} bytes. */
    private static long write(Path file, long size) throws IOException {
        long rows = 0;
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "id,day,amount,customer,note\n";
            out.write(header);
            bytes += header.length();
            StringBuilder line = new StringBuilder();
            while (bytes < size) {
                rows++;
                line.setLength(0);
                line.append(rows).append(",2024-").append(String.format("%02d-%02d", 1 + rows % 12, 1 + rows % 28))
                        .append(',').append(rows % 100000).append('.').append(String.format("%02d", rows % 100))
                        .append(",\"Customer ").append(rows % 9973).append(", \"\"Ltd\"\"\",")
                        .append("plain note text number ").append(rows).append('\n');
                out.append(line);
                bytes += line.length();
            }
        }
        return rows;
    }
}
