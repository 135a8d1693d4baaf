package org.gatehouse.connector.file.format;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * Typed rows from a {@link RecordReader}. The schema is declared, or inferred from the first {@code sampleSize}
 * records, which are held (and only those) until they have been handed out. Records are matched to columns by
 * field name; a field no column has is ignored, a column a record lacks is null.
 * <p>
 * A malformed record (bad CSV, a value that does not fit its column's type) fails the read with its location, or,
 * with {@code skipMalformed}, is skipped and counted. Input the reader cannot recover from always fails.
 */
public final class RecordRowSource implements RowSource {

    /** How failures are reported, in the connector's terms (which data source, which query). */
    public interface Failures {
        ConnectorException malformed(String message);

        ConnectorException readFailed(String location, IOException cause);

        ConnectorException cancelled();

        /** Called once when the read ends having skipped rows. */
        default void skipped(long count, String firstProblem) {
        }
    }

    private record Sampled(String[] names, Object[] values, String location) {
    }

    private final RecordReader reader;
    private final Failures failures;
    private final boolean skipMalformed;
    private final Schema schema;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final ArrayDeque<Sampled> sample;
    private final Map<String[], int[]> mappings = new IdentityHashMap<>();

    private volatile boolean cancelled;
    private volatile Runnable cancelHook;
    private boolean closed;
    private long skipped;
    private String firstProblem;

    private RecordRowSource(RecordReader reader, Failures failures, boolean skipMalformed, Schema schema,
            ArrayDeque<Sampled> sample, long skipped, String firstProblem) {
        this.reader = reader;
        this.failures = failures;
        this.skipMalformed = skipMalformed;
        this.schema = schema;
        this.sample = sample;
        this.skipped = skipped;
        this.firstProblem = firstProblem;
        for (int i = 0; i < schema.size(); i++) {
            columnIndex.put(schema.column(i).name(), i);
        }
    }

    /**
     * Starts reading. With {@code declared} columns nothing is sampled; otherwise up to {@code sampleSize} records
     * are read now to infer the types. The reader is closed on failure.
     */
    public static RecordRowSource open(RecordReader reader, List<Column> declared, int sampleSize,
            boolean skipMalformed, Failures failures) throws ConnectorException {
        try {
            ArrayDeque<Sampled> sample = new ArrayDeque<>();
            long skipped = 0;
            String firstProblem = null;
            Schema schema;
            if (declared != null && !declared.isEmpty()) {
                schema = new Schema(declared);
            } else {
                Map<String, ColumnType> types = new LinkedHashMap<>();
                for (String name : reader.knownNames()) {
                    types.put(name, null);
                }
                while (sample.size() < sampleSize) {
                    try {
                        if (!reader.next()) {
                            break;
                        }
                    } catch (MalformedRecordException e) {
                        if (!skipMalformed || !e.recoverable()) {
                            throw failures.malformed(e.getMessage());
                        }
                        skipped++;
                        firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                        continue;
                    }
                    String[] names = reader.names();
                    Object[] values = reader.values();
                    for (int i = 0; i < names.length; i++) {
                        types.put(names[i], Typing.widen(types.get(names[i]), values[i]));
                    }
                    sample.add(new Sampled(names, Arrays.copyOf(values, values.length), reader.location()));
                }
                List<Column> columns = new ArrayList<>();
                types.forEach((name, type) -> columns.add(new Column(name, type == null ? ColumnType.STRING : type)));
                schema = new Schema(columns);
            }
            return new RecordRowSource(reader, failures, skipMalformed, schema, sample, skipped, firstProblem);
        } catch (MalformedRecordException e) {
            closeQuietly(reader);
            throw failures.malformed(e.getMessage());
        } catch (CharacterCodingException e) {
            closeQuietly(reader);
            throw failures.malformed(encodingProblem(reader, e));
        } catch (IOException e) {
            closeQuietly(reader);
            throw failures.readFailed(reader.location(), e);
        } catch (ConnectorException | RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Rows skipped as malformed so far. */
    public long skippedRows() {
        return skipped;
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        if (row.length != schema.size()) {
            throw new IllegalArgumentException("row has " + row.length + " slots for " + schema.size() + " columns");
        }
        while (true) {
            if (cancelled) {
                throw failures.cancelled();
            }
            if (closed) {
                return false;
            }
            String[] names;
            Object[] values;
            String location;
            Sampled sampled = sample.poll();
            if (sampled != null) {
                names = sampled.names();
                values = sampled.values();
                location = sampled.location();
            } else {
                try {
                    if (!reader.next()) {
                        end();
                        return false;
                    }
                } catch (MalformedRecordException e) {
                    skipOrFail(e.getMessage(), e.recoverable());
                    continue;
                } catch (CharacterCodingException e) {
                    if (cancelled) {
                        throw failures.cancelled();
                    }
                    close();
                    throw failures.malformed(encodingProblem(reader, e));
                } catch (IOException e) {
                    close();
                    if (cancelled) {
                        throw failures.cancelled();
                    }
                    throw failures.readFailed(reader.location(), e);
                }
                names = reader.names();
                values = reader.values();
                location = null;
            }
            String problem = fill(names, values, row);
            if (problem == null) {
                return true;
            }
            skipOrFail((location == null ? reader.location() : location) + ": " + problem, true);
        }
    }

    private static String encodingProblem(RecordReader reader, CharacterCodingException e) {
        return "after " + reader.location() + ": the text is not valid in the expected encoding (" + e.getMessage()
                + "); set the 'encoding' setting, e.g. windows-1252 or UTF-16";
    }

    private void skipOrFail(String message, boolean recoverable) throws ConnectorException {
        if (!skipMalformed || !recoverable) {
            close();
            throw failures.malformed(message);
        }
        skipped++;
        if (firstProblem == null) {
            firstProblem = message;
        }
    }

    /** Converts one record into the row; returns what is wrong with it, or null. */
    private String fill(String[] names, Object[] values, Object[] row) {
        int[] mapping = mappings.get(names);
        if (mapping == null) {
            if (mappings.size() > 64) {
                // readers that make a new names array per record: do not let the cache grow with the input
                mappings.clear();
            }
            mapping = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Integer index = columnIndex.get(names[i]);
                mapping[i] = index == null ? -1 : index;
            }
            mappings.put(names, mapping);
        }
        Arrays.fill(row, null);
        for (int i = 0; i < mapping.length; i++) {
            int column = mapping[i];
            if (column >= 0) {
                try {
                    row[column] = Typing.convert(values[i], schema.column(column).type());
                } catch (IllegalArgumentException e) {
                    return "column '" + names[i] + "': " + e.getMessage();
                }
            }
        }
        return null;
    }

    private void end() {
        close();
        if (skipped > 0) {
            failures.skipped(skipped, firstProblem);
        }
    }

    /** Something to run, on the cancelling thread, to unblock a read waiting for input (a network stream). */
    public void onCancel(Runnable hook) {
        this.cancelHook = hook;
    }

    @Override
    public void cancel() {
        cancelled = true;
        Runnable hook = cancelHook;
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sample.clear();
            closeQuietly(reader);
        }
    }

    private static void closeQuietly(RecordReader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // nothing left to read from it either way
        }
    }
}
