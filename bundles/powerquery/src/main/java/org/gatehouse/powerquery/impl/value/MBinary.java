package org.gatehouse.powerquery.impl.value;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.gatehouse.powerquery.BinarySource;
import org.gatehouse.powerquery.MException;

/**
 * An M binary value: bytes in memory, or a source opened afresh each time the binary is read. A streamed binary
 * never holds its bytes: {@link #open()} is how Csv.Document reads a large file; {@link #bytes()} reads it all (for
 * functions that need every byte, such as Excel.Workbook) and does not keep the result.
 */
public final class MBinary {

    private final byte[] bytes;
    private final BinarySource source;

    public MBinary(byte[] bytes) {
        this.bytes = bytes;
        this.source = null;
    }

    private MBinary(BinarySource source) {
        this.bytes = null;
        this.source = source;
    }

    public static MBinary streamed(BinarySource source) {
        return new MBinary(source);
    }

    public boolean isStreamed() {
        return bytes == null;
    }

    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MException("DataSource.Error", "Could not read the binary: " + e.getMessage());
        }
    }

    /** A fresh stream over the bytes; the caller closes it. */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return source.open();
        } catch (IOException e) {
            throw new MException("DataSource.Error", "Could not read the binary: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MException("DataSource.Error", "Could not read the binary: " + e.getCause().getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MBinary b && Arrays.equals(bytes(), b.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }
}
