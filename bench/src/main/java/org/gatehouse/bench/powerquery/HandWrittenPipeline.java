package org.gatehouse.bench.powerquery;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a programmer would write instead of the M query: read lines, skip the header, parse the typed columns, keep
 * amount > 500, multiply, group by region. The baseline the engine is measured against, doing the same work (every
 * column parsed, as TransformColumnTypes does), nothing more.
 */
final class HandWrittenPipeline {

    private HandWrittenPipeline() {
    }

    static GroupTotals run(Path csv) throws IOException {
        Map<String, double[]> revenue = new HashMap<>();
        Map<String, long[]> rows = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                long id = Long.parseLong(cells[0]); // parsed like the typed id column, not used further
                String region = cells[1];
                double amount = Double.parseDouble(cells[2]);
                long quantity = Long.parseLong(cells[3]);
                if (amount > 500) {
                    double total = amount * quantity;
                    revenue.computeIfAbsent(region, r -> new double[1])[0] += total;
                    rows.computeIfAbsent(region, r -> new long[1])[0]++;
                }
            }
        }
        Map<String, Double> r = new HashMap<>();
        revenue.forEach((k, v) -> r.put(k, v[0]));
        Map<String, Long> n = new HashMap<>();
        rows.forEach((k, v) -> n.put(k, v[0]));
        return new GroupTotals(r, n);
    }
}
