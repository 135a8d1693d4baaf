package org.gatehouse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lines of {@code jstat -gc}: a header naming the columns, then one line of numbers (kilobytes) per
 * sample. Columns are looked up by name, not position, because their set differs between JDK versions.
 */
final class JstatGc {

    /** Used space of both survivor spaces, eden and the old generation: together, the heap in use. */
    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final int[] usedColumns;
    private final int oldColumn;

    private JstatGc(int[] usedColumns, int oldColumn) {
        this.usedColumns = usedColumns;
        this.oldColumn = oldColumn;
    }

    /** The reader for the lines under this header, or empty when the line is not a {@code jstat -gc} header. */
    static Optional<JstatGc> forHeader(String line) {
        List<String> names = Arrays.asList(line.trim().split("\\s+"));
        if (!names.containsAll(USED_COLUMNS)) {
            return Optional.empty();
        }
        int[] used = USED_COLUMNS.stream().mapToInt(names::indexOf).toArray();
        return Optional.of(new JstatGc(used, names.indexOf("OU")));
    }

    /**
     * The sample on one line, or empty for a line that is not one (jstat repeats its header, or reports that the
     * JVM went away).
     */
    Optional<Sample> parse(String line, long nanoTime) {
        String[] fields = line.trim().split("\\s+");
        try {
            double usedKb = 0;
            for (int column : usedColumns) {
                usedKb += Double.parseDouble(fields[column]);
            }
            return Optional.of(new Sample(nanoTime, (long) (usedKb * 1024),
                    (long) (Double.parseDouble(fields[oldColumn]) * 1024)));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** One sample, stamped with the benchmark's clock ({@link System#nanoTime()}) when it was read. */
    record Sample(long nanoTime, long usedBytes, long oldBytes) {
    }
}
