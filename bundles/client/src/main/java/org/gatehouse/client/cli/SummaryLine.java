package org.gatehouse.client.cli;

import java.util.List;
import java.util.Locale;

import org.gatehouse.client.RefreshSummary;

/** The one line the refresh command prints on success. */
final class SummaryLine {

    private SummaryLine() {
    }

    /** E.g. {@code refreshed sales: 1 table, 100000 rows, 4.2 MB in 1.84 s (54,300 rows/s) -> sales.csv}. */
    static String of(String what, RefreshSummary summary, List<String> files) {
        return String.format(Locale.ROOT, "refreshed %s: %s, %s, %s in %.2f s (%,d rows/s) -> %s", what,
                plural(summary.tables(), "table"), plural(summary.rows(), "row"), size(summary.bodyBytes()),
                summary.elapsed().toNanos() / 1e9, Math.round(summary.rowsPerSecond()), String.join(", ", files));
    }

    /** Decimal units, as file managers and network tools show them. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
