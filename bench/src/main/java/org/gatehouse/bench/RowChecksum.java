package org.gatehouse.bench;

import java.util.Objects;

/**
 * Consumes decoded rows so that neither the JIT nor a lazy decoder can skip work, and fingerprints them so the two
 * ways of reading the table can be compared: every value's {@code hashCode} is taken (which walks each string and
 * each decimal's digits), the values of a row are combined in column order, and rows are <em>added</em>, so the
 * fingerprint does not depend on the order rows arrive in ({@code SELECT *} promises none).
 */
final class RowChecksum {

    private long rows;
    private long sum;

    void add(Object[] row) {
        long hash = 1;
        for (Object value : row) {
            hash = 31 * hash + Objects.hashCode(value);
        }
        // spread the bits first: a plain sum of small row hashes would let different tables collide easily
        sum += mix(hash);
        rows++;
    }

    long rows() {
        return rows;
    }

    String hex() {
        return String.format("%016x", sum);
    }

    /** The finaliser of MurmurHash3's 64-bit variant: every input bit affects every output bit. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
