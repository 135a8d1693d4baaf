package org.gatehouse.powerquery.impl.value;

import java.util.Arrays;

/** An M binary value. */
public record MBinary(byte[] bytes) {

    @Override
    public boolean equals(Object o) {
        return o instanceof MBinary b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
