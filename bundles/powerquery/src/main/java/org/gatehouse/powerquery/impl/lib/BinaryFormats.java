package org.gatehouse.powerquery.impl.lib;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/**
 * BinaryFormat.*: binary formats are functions from a binary to a value; composed formats (List, Record, Choice,
 * Length, Transform) read one after another from a shared position, which a plain M function couldn't report.
 */
final class BinaryFormats {

    private BinaryFormats() {
    }

    /** Where the next read starts within the bytes being parsed. */
    static final class Cursor {
        final byte[] bytes;
        int pos;
        final int end;

        Cursor(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        byte[] take(int n) {
            if (n < 0 || pos + n > end) {
                throw Errors.dataFormat("The binary is too short for the format.");
            }
            byte[] out = java.util.Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return out;
        }
    }

    interface Reader {
        Object read(Cursor c);
    }

    /** A binary format value: callable from M on a whole binary, readable in place by the composing formats. */
    static final class Format extends MFunction {
        private final Reader reader;

        Format(Reader reader) {
            this.reader = reader;
        }

        Object read(Cursor c) {
            return reader.read(c);
        }

        @Override
        public Object invoke(Object[] args) {
            Object v = Args.v(args, 0);
            if (!(v instanceof MBinary b)) {
                throw Errors.cannotConvert(v, "Binary");
            }
            return reader.read(new Cursor(b.bytes(), 0, b.bytes().length));
        }

        @Override
        public int minArity() {
            return 1;
        }

        @Override
        public int maxArity() {
            return 1;
        }

        @Override
        public String name() {
            return "BinaryFormat";
        }
    }

    static Format format(Object v) {
        v = Values.strip(v);
        if (v instanceof Format f) {
            return f;
        }
        throw Errors.expression("The value " + Values.describe(v) + " is not a binary format.");
    }

    private static Format integer(int size, boolean signed, ByteOrder order) {
        return new Format(c -> {
            ByteBuffer b = ByteBuffer.wrap(c.take(size)).order(order);
            return switch (size) {
                case 1 -> (double) (signed ? b.get() : b.get() & 0xff);
                case 2 -> (double) (signed ? b.getShort() : b.getShort() & 0xffff);
                case 4 -> (double) (signed ? b.getInt() : b.getInt() & 0xffffffffL);
                default -> signed ? (double) b.getLong() : Double.parseDouble(Long.toUnsignedString(b.getLong()));
            };
        });
    }

    /** A count given as a number or as a format that reads it. */
    private static int count(Object countOrFormat, Cursor c) {
        countOrFormat = Values.strip(countOrFormat);
        return (int) Values.number(countOrFormat instanceof Format f ? f.read(c) : countOrFormat);
    }

    static void register(Library lib) {
        lib.value("ByteOrder.BigEndian", 0.0);
        lib.value("ByteOrder.LittleEndian", 1.0);
        lib.value("BinaryFormat.Byte", integer(1, false, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.SignedInteger16", integer(2, true, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.SignedInteger32", integer(4, true, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.SignedInteger64", integer(8, true, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.UnsignedInteger16", integer(2, false, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.UnsignedInteger32", integer(4, false, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.UnsignedInteger64", integer(8, false, ByteOrder.BIG_ENDIAN));
        lib.value("BinaryFormat.Single", new Format(c -> (double) ByteBuffer.wrap(c.take(4)).getFloat()));
        lib.value("BinaryFormat.Double", new Format(c -> ByteBuffer.wrap(c.take(8)).getDouble()));
        lib.value("BinaryFormat.Null", new Format(c -> null));
        lib.fn("BinaryFormat.Binary", 0, 1, a -> new Format(c -> new MBinary(c.take(Args.v(a, 0) == null ? c.end - c.pos : count(Args.v(a, 0), c)))));
        lib.fn("BinaryFormat.ByteOrder", 2, 2, a -> {
            Format f = format(Args.v(a, 0));
            boolean little = Args.integer(a, 1) == 1;
            return new Format(c -> {
                if (!little) {
                    return f.read(c);
                }
                // read big-endian from the reversed bytes of the same width, which little-endian integers are
                int start = c.pos;
                Cursor probe = new Cursor(c.bytes, start, c.end);
                f.read(probe);
                int width = probe.pos - start;
                byte[] reversed = c.take(width);
                for (int i = 0; i < width / 2; i++) {
                    byte t = reversed[i];
                    reversed[i] = reversed[width - 1 - i];
                    reversed[width - 1 - i] = t;
                }
                return f.read(new Cursor(reversed, 0, width));
            });
        });
        lib.fn("BinaryFormat.List", 1, 2, a -> {
            Format item = format(Args.v(a, 0));
            Object countOrCondition = Args.v(a, 1);
            return new Format(c -> {
                List<Object> out = new ArrayList<>();
                if (countOrCondition instanceof MFunction cond && !(countOrCondition instanceof Format)) {
                    while (c.pos < c.end) {
                        Object x = item.read(c);
                        out.add(x);
                        if (!Values.logical(cond.call(x))) {
                            break;
                        }
                    }
                    return new MList(out);
                }
                int n = countOrCondition == null ? -1 : count(countOrCondition, c);
                while (n < 0 ? c.pos < c.end : out.size() < n) {
                    out.add(item.read(c));
                }
                return new MList(out);
            });
        });
        lib.fn("BinaryFormat.Record", 1, 1, a -> {
            MRecord fields = Args.record(a, 0);
            return new Format(c -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < fields.names().size(); i++) {
                    Object field = Values.strip(fields.get(i));
                    values.add(field instanceof Format f ? f.read(c) : field); // a plain value is taken as it is
                }
                return new MRecord(fields.names(), values);
            });
        });
        lib.fn("BinaryFormat.Choice", 2, 4, a -> {
            Format first = format(Args.v(a, 0));
            MFunction choose = Args.function(a, 1);
            return new Format(c -> format(choose.call(first.read(c))).read(c));
        });
        lib.fn("BinaryFormat.Length", 2, 2, a -> {
            Format inner = format(Args.v(a, 0));
            Object length = Args.v(a, 1);
            return new Format(c -> {
                int n = count(length, c);
                Cursor limited = new Cursor(c.bytes, c.pos, Math.min(c.end, c.pos + n));
                Object v = inner.read(limited);
                c.pos = limited.end;
                return v;
            });
        });
        lib.fn("BinaryFormat.Text", 1, 2, a -> {
            Object length = Args.v(a, 0), encoding = Args.v(a, 1) == null ? 65001.0 : Args.v(a, 1);
            return new Format(c -> Encodings.decode(c.take(count(length, c)), encoding));
        });
        lib.value("BinaryOccurrence.Optional", 0.0);
        lib.value("BinaryOccurrence.Required", 1.0);
        lib.value("BinaryOccurrence.Repeating", 2.0);
        lib.fn("BinaryFormat.Group", 2, 4, a -> BinaryGroup.of(format(Args.v(a, 0)), Args.list(a, 1),
                Args.v(a, 2) == null ? null : Args.function(a, 2), Args.v(a, 3)));
        lib.fn("BinaryFormat.Transform", 2, 2, a -> {
            Format inner = format(Args.v(a, 0));
            MFunction f = Args.function(a, 1);
            return new Format(c -> f.call(inner.read(c)));
        });
    }
}
