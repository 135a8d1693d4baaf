package org.gatehouse.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's output: one line per read as it happens, then the summary block. The summary gives the median
 * of the measured reads on each side, so one read disturbed by the machine's other work does not decide it.
 */
final class Report {

    private static final String LINE = "%-22s %11s %9s %11s %7s %13s %17s  %s%n";

    private final PrintStream out;
    private final List<Measurement> direct = new ArrayList<>();
    private final List<Measurement> gateway = new ArrayList<>();
    private final List<String> checksums = new ArrayList<>();
    private HeapPeak gatewayHeap = HeapPeak.NONE;

    Report(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, LINE, "read", "rows", "elapsed", "rows/s", "MB/s", "gateway heap",
                "cpu s: bench/gw/pg", "checksum");
    }

    /** A warm-up read: shown, checked, and its heap counted (a first refresh is real use too), but not timed. */
    void warmUp(String label, Measurement measurement) {
        line(label + " warm-up", measurement);
    }

    void direct(int round, Measurement measurement) {
        line("a" + round + " direct JDBC", measurement);
        direct.add(measurement);
    }

    void gateway(int round, Measurement measurement) {
        line("b" + round + " through gateway", measurement);
        gateway.add(measurement);
    }

    /**
     * Prints the summary block.
     *
     * @param maxHeapBytes  the heap limit the gateway JVM ran with
     * @param heapIsDefault whether that limit is the JVM's default rather than a -Xmx the benchmark set
     * @return whether every read, on both sides, produced the same checksum: the same values decoded
     */
    boolean summarise(long maxHeapBytes, boolean heapIsDefault) {
        double directRate = median(direct, Measurement::rowsPerSecond);
        double gatewayRate = median(gateway, Measurement::rowsPerSecond);
        out.println();
        out.printf(Locale.ROOT, "direct JDBC    : %s rows  %s rows/s  (median of %d reads, %s s)%n",
                Units.grouped(direct.get(0).rows()), Units.grouped(directRate), direct.size(),
                Units.decimal(median(direct, Measurement::seconds), 2));
        out.printf(Locale.ROOT, "through gateway: %s rows  %s rows/s  (%s over the relay, %s MB/s;"
                        + " median of %d refreshes, %s s)%n",
                Units.grouped(gateway.get(0).rows()), Units.grouped(gatewayRate),
                Units.megabytes(gateway.get(0).bytes()), Units.decimal(median(gateway, Measurement::megabytesPerSecond), 1),
                gateway.size(), Units.decimal(median(gateway, Measurement::seconds), 2));
        out.printf(Locale.ROOT, "ratio b/a      : %s%n", Units.decimal(gatewayRate / directRate, 2));
        if (gatewayHeap.samples() == 0) {
            // a zero would read as "no memory needed"; jstat's own message is printed just before the summary
            out.printf(Locale.ROOT, "gateway peak heap: not measured, jstat gave no samples (-Xmx %s)%n",
                    Units.megabytes(maxHeapBytes));
        } else {
            out.printf(Locale.ROOT, "gateway peak heap: %s (-Xmx %s%s); old generation at most %s (%d samples)%n",
                    Units.megabytes(gatewayHeap.usedBytes()), Units.megabytes(maxHeapBytes),
                    heapIsDefault ? ", the JVM's default" : "", Units.megabytes(gatewayHeap.oldBytes()),
                    gatewayHeap.samples());
        }
        boolean same = checksums.stream().distinct().count() == 1;
        out.printf(Locale.ROOT, "checksums      : %s%n", same
                ? checksums.get(0) + " on every read: both sides decoded the same values"
                : "DIFFER between reads (see above): the two sides did not decode the same values");
        return same;
    }

    private void line(String label, Measurement m) {
        out.printf(Locale.ROOT, LINE, label, Units.grouped(m.rows()), Units.decimal(m.seconds(), 2) + " s",
                Units.grouped(m.rowsPerSecond()), m.bytes() < 0 ? "-" : Units.decimal(m.megabytesPerSecond(), 1),
                m.peakHeap() == null ? "-" : Units.megabytes(m.peakHeap().usedBytes()), cpu(m.cpu()), m.checksum());
        out.flush();
        checksums.add(m.checksum());
        if (m.peakHeap() != null) {
            gatewayHeap = gatewayHeap.max(m.peakHeap());
        }
    }

    private static String cpu(CpuClock.CpuTimes cpu) {
        if (cpu == null) {
            return "-";
        }
        return seconds(cpu.bench()) + "/" + seconds(cpu.gateway()) + "/" + seconds(cpu.postgres());
    }

    private static String seconds(Duration duration) {
        return Units.decimal(duration.toMillis() / 1000.0, 1);
    }

    /** The median; for an even count the mean of the middle two. */
    static double median(List<Measurement> measurements, ToDoubleFunction<Measurement> value) {
        double[] values = measurements.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
