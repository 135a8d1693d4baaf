package org.gatehouse.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gatehouse.api.ColumnType;

/**
 * The binary form of one value in a rows message: a presence byte (0 = null) then the value in its type's form.
 * Fixed-width numbers are big-endian; text and binary are a varint length and the bytes (text as UTF-8).
 */
final class ValueCodec {

    private ValueCodec() {
    }

    static void write(BodyWriter out, ColumnType type, Object value) {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        try {
            switch (type) {
                case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
                case INTEGER -> out.writeInt((Integer) value);
                case LONG -> out.writeLong((Long) value);
                case DOUBLE -> out.writeLong(Double.doubleToLongBits((Double) value));
                case DECIMAL -> {
                    BigDecimal d = (BigDecimal) value;
                    out.writeVarInt(d.scale() + 0x4000_0000); // scales may be negative; shift into unsigned range
                    out.writeBytes(d.unscaledValue().toByteArray());
                }
                case STRING -> out.writeString((String) value);
                case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
                case TIME -> out.writeLong(((LocalTime) value).toNanoOfDay());
                case TIMESTAMP -> {
                    LocalDateTime t = (LocalDateTime) value;
                    out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
                    out.writeInt(t.getNano());
                }
                case TIMESTAMP_TZ -> {
                    OffsetDateTime t = (OffsetDateTime) value;
                    out.writeLong(t.toEpochSecond());
                    out.writeInt(t.getNano());
                    out.writeInt(t.getOffset().getTotalSeconds());
                }
                case BINARY -> out.writeBytes((byte[]) value);
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("a " + type + " column got a value of " + value.getClass().getName());
        }
    }

    static Object read(BodyReader in, ColumnType type) throws ProtocolException {
        if (in.readByte() == 0) {
            return null;
        }
        try {
            return readValue(in, type);
        } catch (java.time.DateTimeException | NumberFormatException | ArithmeticException e) {
            // garbled bytes that decode to an impossible value (an empty decimal, a time past midnight)
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "corrupt " + type + " value: " + e.getMessage());
        }
    }

    private static Object readValue(BodyReader in, ColumnType type) throws ProtocolException {
        return switch (type) {
            case BOOLEAN -> in.readByte() != 0;
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case DECIMAL -> {
                int scale = in.readVarInt() - 0x4000_0000;
                yield new BigDecimal(new BigInteger(in.readBytes()), scale);
            }
            case STRING -> in.readString();
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case TIMESTAMP_TZ -> {
                long seconds = in.readLong();
                int nanos = in.readInt();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                yield OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), offset);
            }
            case BINARY -> in.readBytes();
        };
    }
}
