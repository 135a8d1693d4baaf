package org.gatehouse.bench;

import java.util.Locale;

/** How the benchmark writes numbers: MB are 2^20 bytes everywhere, like the JVM's -Xmx512m. */
final class Units {

    static final double MB = 1024.0 * 1024.0;

    private Units() {
    }

    /** Whole number with thousands separators, the way the report lines up rates and row counts. */
    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / MB);
    }

    static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
