package org.gatehouse.protocol;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BodyWriter} wrote; a truncated or garbled body becomes a ProtocolException, not a crash. */
final class BodyReader {

    private final byte[] bytes;
    private int position;

    BodyReader(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean hasMore() {
        return position < bytes.length;
    }

    int readByte() throws ProtocolException {
        need(1);
        return bytes[position++] & 0xFF;
    }

    int readInt() throws ProtocolException {
        need(4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    long readLong() throws ProtocolException {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    int readVarInt() throws ProtocolException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw corrupt("a length runs past 32 bits");
    }

    byte[] readBytes() throws ProtocolException {
        int n = readVarInt();
        if (n < 0) {
            throw corrupt("negative length");
        }
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(bytes, position, b, 0, n);
        position += n;
        return b;
    }

    String readString() throws ProtocolException {
        int n = readVarInt();
        need(n);
        String s = new String(bytes, position, n, StandardCharsets.UTF_8);
        position += n;
        return s;
    }

    private void need(int n) throws ProtocolException {
        if (n < 0 || position + n > bytes.length) {
            throw corrupt("body ends early at byte " + position);
        }
    }

    private static ProtocolException corrupt(String what) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, "corrupt message body: " + what);
    }
}
