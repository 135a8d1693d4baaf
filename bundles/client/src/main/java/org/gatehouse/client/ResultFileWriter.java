package org.gatehouse.client;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;

/**
 * Writes a result to files while it streams in, without holding it in memory, and publishes them only after the
 * result has been verified: rows go to hidden part files beside the target, {@link #commit()} moves them into
 * place, {@link #close()} without a commit deletes them. A rejected result thus never leaves a plausible-looking
 * but incomplete file behind, nor clobbers the previous good one.
 * <p>
 * Whether a result has one table or several is only known at its end, so the file layout is chosen at commit:
 * one table goes to the target itself; for several tables each format decides (see its class).
 * <p>
 * Usage: {@code try (var out = new CsvResultWriter(path)) { client.refreshDataset(g, d, out); out.commit(); }}
 */
public abstract sealed class ResultFileWriter implements ResultStreamReader.Listener, Closeable
        permits CsvResultWriter, JsonLinesResultWriter {

    private static final int BUFFER_CHARS = 64 * 1024;

    /** A table written to its part file. */
    record StagedTable(TableHeader header, Path part) {
    }

    private final Path target;
    private final List<StagedTable> staged = new ArrayList<>();
    private Writer out;
    private TableHeader table;
    private boolean done;

    ResultFileWriter(Path target) {
        this.target = target.toAbsolutePath();
    }

    /** The file a one-table result is published to, and the name the files of several tables derive from. */
    public Path target() {
        return target;
    }

    @Override
    public final void beginTable(TableHeader header) throws IOException {
        ensureOpen();
        closeTable();
        Path part = OutputFiles.newPart(target);
        staged.add(new StagedTable(header, part));
        table = header;
        out = newWriter(part);
        writeTableStart(out, header);
    }

    @Override
    public final void row(Object[] values) throws IOException {
        if (table == null) {
            throw new IllegalStateException("a row arrived before any table");
        }
        writeRow(out, table, values);
    }

    /**
     * Publishes the files; call once the result is verified (the client call returned normally).
     *
     * @return the files written, in table order
     */
    public final List<Path> commit() throws IOException {
        ensureOpen();
        closeTable();
        List<Path> published;
        if (staged.isEmpty()) {
            Files.write(target, new byte[0]); // a dataset without queries: say so with an empty file
            published = List.of(target);
        } else if (staged.size() == 1) {
            OutputFiles.publish(staged.get(0).part(), target);
            published = List.of(target);
        } else {
            published = publishSeveral(staged, target);
        }
        done = true;
        deleteParts(); // left over only where publishSeveral copied rather than moved
        return published;
    }

    /** Deletes the part files unless {@link #commit()} has published them. */
    @Override
    public void close() throws IOException {
        done = true;
        closeTable();
        deleteParts();
    }

    /** Writes what comes before the first row of a table, e.g. a header line. */
    abstract void writeTableStart(Writer out, TableHeader header) throws IOException;

    abstract void writeRow(Writer out, TableHeader header, Object[] values) throws IOException;

    /** Publishes a result of several tables, each in its part file, and returns the files written. */
    abstract List<Path> publishSeveral(List<StagedTable> tables, Path target) throws IOException;

    static Writer newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                BUFFER_CHARS);
    }

    private void closeTable() throws IOException {
        if (out != null) {
            Writer closing = out;
            out = null;
            table = null;
            closing.close();
        }
    }

    private void deleteParts() throws IOException {
        for (StagedTable t : staged) {
            Files.deleteIfExists(t.part());
        }
    }

    private void ensureOpen() {
        if (done) {
            throw new IllegalStateException("the writer for " + target + " is already committed or closed");
        }
    }
}
