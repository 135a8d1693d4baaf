package org.gatehouse.powerquery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Writes a CSV file of about the given size and runs a typical M query over it (PromoteHeaders, TransformColumnTypes,
 * SelectRows, AddColumn, RenameColumns), reading the result as {@link QueryStream} — in a JVM with a small -Xmx, started
 * by {@link StreamingMemoryTest} or by hand. Prints one line: rows, bytes, seconds, peak heap. Exits 1 when the row
 * count or the sum is not the one expected.
 * <p>
 * {@code java -Xmx64m -cp ... org.gatehouse.powerquery.BigCsvQuery <folder> <megabytes>}
 */
public final class BigCsvQuery {

    private BigCsvQuery() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Paths.get(args[0]);
        long megabytes = Long.parseLong(args[1]);
        Path file = folder.resolve("big.csv");
        long written = write(file, megabytes * 1024 * 1024);
        long bytes = Files.size(file);
        String query = "section S; shared Q = let"
                + " Source = Csv.Document(File.Contents(\"C:\\data\\big.csv\"), [Delimiter=\",\", Columns=4,"
                + " Encoding=65001, QuoteStyle=QuoteStyle.Csv]),"
                + " Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars=true]),"
                + " Typed = Table.TransformColumnTypes(Promoted, {{\"id\", Int64.Type}, {\"amount\", type number},"
                + " {\"quantity\", Int64.Type}, {\"customer\", type text}}),"
                + " Even = Table.SelectRows(Typed, each Number.Mod([id], 2) = 0),"
                + " Total = Table.AddColumn(Even, \"total\", each [amount] * [quantity], type number),"
                + " Renamed = Table.RenameColumns(Total, {{\"customer\", \"client\"}})"
                + " in Renamed;";
        LocalFileAccess access = new LocalFileAccess().map("C:\\data", folder.toString());
        long start = System.nanoTime();
        long rows = 0;
        double total = 0;
        try (QueryStream stream = PowerQuery.stream(query, "Q", access)) {
            for (List<Object> row = stream.next(); row != null; row = stream.next()) {
                rows++;
                total += (Double) row.get(4);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double expected = 0;
        for (long id = 2; id <= written; id += 2) {
            expected += amount(id) * quantity(id);
        }
        System.out.printf("rows=%d bytes=%d seconds=%.1f rowsPerSecond=%.0f MBps=%.1f peakHeapMB=%d maxHeapMB=%d%n",
                rows, bytes, seconds, rows / seconds, bytes / 1048576.0 / seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(file);
        System.exit(rows == written / 2 && Math.abs(total - expected) <= 1e-6 * Math.abs(expected) ? 0 : 1);
    }

    private static double amount(long id) {
        return (id % 10000) / 100.0;
    }

    private static long quantity(long id) {
        return id % 7 + 1;
    }

    /** Rows of id, amount, quantity and a quoted customer with a comma, until {@code size} bytes. */
    private static long write(Path file, long size) throws IOException {
        long rows = 0;
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "id,amount,quantity,customer\n";
            out.write(header);
            bytes += header.length();
            StringBuilder line = new StringBuilder();
            while (bytes < size) {
                rows++;
                line.setLength(0);
                line.append(rows).append(',').append(amount(rows)).append(',').append(quantity(rows))
                        .append(",\"Customer ").append(rows % 9973).append(", Ltd\"\n");
                out.append(line);
                bytes += line.length();
            }
        }
        return rows;
    }
}
