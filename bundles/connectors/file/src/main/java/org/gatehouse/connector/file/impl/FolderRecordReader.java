package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.gatehouse.connector.file.format.MalformedRecordException;
import org.gatehouse.connector.file.format.RecordReader;

/**
 * The records of several files one after the other ("combine files"), each with the file's name in a first field.
 * Files are opened one at a time, when the previous one is done. Columns are matched by name across files, so
 * files whose columns are in another order, or some missing, still combine.
 */
final class FolderRecordReader implements RecordReader {

    /** Opens one file as records. */
    interface Opener {
        RecordReader open(Path file) throws IOException, MalformedRecordException;
    }

    private final Iterator<Path> files;
    private final Opener opener;
    private final String sourceColumn;
    private final java.util.function.Function<Path, String> shown;
    private final Map<String[], String[]> prefixed = new IdentityHashMap<>();

    private RecordReader current;
    private String currentName;
    private Object[] values = new Object[0];
    private String[] names = new String[0];
    private boolean knownAsked;

    FolderRecordReader(List<Path> files, Opener opener, String sourceColumn,
            java.util.function.Function<Path, String> shown) {
        this.files = files.iterator();
        this.opener = opener;
        this.sourceColumn = sourceColumn;
        this.shown = shown;
    }

    @Override
    public String[] knownNames() throws IOException, MalformedRecordException {
        if (knownAsked) {
            return new String[0];
        }
        knownAsked = true;
        if (current == null && !openNext()) {
            return new String[] {sourceColumn};
        }
        return prefix(current.knownNames());
    }

    @Override
    public boolean next() throws IOException, MalformedRecordException {
        while (true) {
            if (current == null && !openNext()) {
                return false;
            }
            if (current.next()) {
                String[] inner = current.names();
                Object[] innerValues = current.values();
                names = prefix(inner);
                if (values.length != innerValues.length + 1) {
                    values = new Object[innerValues.length + 1];
                }
                values[0] = currentName;
                System.arraycopy(innerValues, 0, values, 1, innerValues.length);
                return true;
            }
            RecordReader done = current;
            current = null;
            done.close();
        }
    }

    private boolean openNext() throws IOException, MalformedRecordException {
        if (!files.hasNext()) {
            return false;
        }
        Path file = files.next();
        currentName = shown.apply(file);
        try {
            current = opener.open(file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return true;
    }

    private String[] prefix(String[] inner) {
        String[] result = prefixed.get(inner);
        if (result == null) {
            if (prefixed.size() > 64) {
                prefixed.clear();
            }
            result = new String[inner.length + 1];
            result[0] = sourceColumn;
            System.arraycopy(inner, 0, result, 1, inner.length);
            prefixed.put(inner, result);
        }
        return result;
    }

    @Override
    public String[] names() {
        return names;
    }

    @Override
    public Object[] values() {
        return values;
    }

    @Override
    public String location() {
        return current != null ? current.location() : currentName == null ? "the folder" : currentName;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
