package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MBinary;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Binary.Combine, Binary.Split, Lines.FromBinary and Lines.ToBinary, and the CsvStyle enumeration Lines.FromBinary
 * reads, as the M function reference pages binary-combine.md, binary-split.md, lines-frombinary.md and
 * lines-tobinary.md describe.
 */
final class BinaryMoreFunctions {

    private static final double QUOTE_STYLE_CSV = 1;
    private static final double CSV_STYLE_QUOTE_ALWAYS = 1;

    private BinaryMoreFunctions() {
    }

    static void register(Library lib) {
        lib.value("CsvStyle.QuoteAfterDelimiter", 0.0);
        lib.value("CsvStyle.QuoteAlways", 1.0);
        lib.value("BinaryFormat.Decimal", new BinaryFormats.Format(BinaryMoreFunctions::dotNetDecimal));
        lib.value("BinaryFormat.7BitEncodedUnsignedInteger", new BinaryFormats.Format(c -> {
            long v = sevenBit(c);
            return v >= 0 ? (Object) (double) v : new BigDecimal(Long.toUnsignedString(v));
        }));
        // .NET's Read7BitEncodedInt64 reads the same groups and takes the 64 bits as two's complement (no zigzag)
        lib.value("BinaryFormat.7BitEncodedSignedInteger", new BinaryFormats.Format(c -> (double) sevenBit(c)));
        lib.fn("Binary.Combine", 1, 1, a -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object b : Args.list(a, 0).values()) {
                if (b != null) {
                    out.writeBytes(Values.binary(b).bytes());
                }
            }
            return new MBinary(out.toByteArray());
        });
        lib.fn("Binary.Split", 2, 2, a -> {
            byte[] bytes = Values.binary(Args.v(a, 0)).bytes();
            int page = Args.integer(a, 1);
            if (page <= 0) {
                throw Errors.expression("The page size must be positive.");
            }
            List<Object> pages = new ArrayList<>();
            for (int at = 0; at < bytes.length; at += page) {
                pages.add(new MBinary(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + page))));
            }
            return new MList(pages);
        });
        lib.fn("Lines.FromBinary", 1, 4, a -> {
            Object quoteStyle = Args.v(a, 1);
            boolean keepSeparators = Args.v(a, 2) != null && (Boolean) Args.v(a, 2);
            Object encoding = Args.v(a, 3);
            boolean csv = false;
            boolean quoteAlways = false;
            Character delimiter = null;
            if (quoteStyle instanceof MRecord options) {
                csv = options.has("QuoteStyle") && options.get("QuoteStyle") != null
                        ? Values.number(options.get("QuoteStyle")) == QUOTE_STYLE_CSV
                        : options.has("CsvStyle") && options.get("CsvStyle") != null; // CsvStyle implies Csv quoting
                quoteAlways = options.has("CsvStyle") && options.get("CsvStyle") != null
                        && Values.number(options.get("CsvStyle")) == CSV_STYLE_QUOTE_ALWAYS;
                if (options.has("Delimiter") && options.get("Delimiter") != null) {
                    String d = Values.text(options.get("Delimiter"));
                    delimiter = d.isEmpty() ? null : d.charAt(0);
                }
                keepSeparators = options.has("IncludeLineSeparators") && options.get("IncludeLineSeparators") != null
                        && (Boolean) options.get("IncludeLineSeparators");
                encoding = options.has("Encoding") ? options.get("Encoding") : null;
            } else if (quoteStyle != null) {
                csv = Values.number(quoteStyle) == QUOTE_STYLE_CSV;
            }
            String text = Encodings.decode(Values.binary(Args.v(a, 0)).bytes(), encoding);
            return new MList(lines(text, csv, quoteAlways, delimiter, keepSeparators));
        });
        lib.fn("Lines.ToBinary", 1, 4, a -> {
            String separator = Args.v(a, 1) == null ? "\r\n" : Args.text(a, 1);
            Charset charset = Encodings.charset(Args.v(a, 2));
            boolean bom = Args.v(a, 3) != null && (Boolean) Args.v(a, 3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) {
                out.writeBytes("\uFEFF".getBytes(charset));
            }
            for (Object line : Args.list(a, 0).values()) {
                out.writeBytes((Values.text(line) + separator).getBytes(charset));
            }
            return new MBinary(out.toByteArray());
        });
    }

    /**
     * A .NET System.Decimal as BinaryWriter writes it (the reference says only "a .NET 16-byte decimal"): the 96-bit
     * magnitude as three little-endian 32-bit words (low, middle, high), then the flags word whose bits 16-23 are the
     * scale and bit 31 the sign. The value is a decimal number, so no digit is lost to a double.
     */
    private static Object dotNetDecimal(BinaryFormats.Cursor c) {
        ByteBuffer b = ByteBuffer.wrap(c.take(16)).order(ByteOrder.LITTLE_ENDIAN);
        long lo = b.getInt() & 0xffffffffL;
        long mid = b.getInt() & 0xffffffffL;
        long hi = b.getInt() & 0xffffffffL;
        int flags = b.getInt();
        BigInteger magnitude = BigInteger.valueOf(hi).shiftLeft(64).or(BigInteger.valueOf(mid).shiftLeft(32))
                .or(BigInteger.valueOf(lo));
        int scale = (flags >> 16) & 0xff;
        if (scale > 28) {
            throw Errors.dataFormat("The binary is not a valid decimal.");
        }
        BigDecimal v = new BigDecimal(magnitude, scale);
        return flags < 0 ? v.negate() : v;
    }

    /** Seven bits a byte, least significant group first; a set high bit says another byte follows (at most ten). */
    private static long sevenBit(BinaryFormats.Cursor c) {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = c.take(1)[0] & 0xff;
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw Errors.dataFormat("The 7-bit encoded integer is too long.");
    }

    /**
     * Splits at CR LF, CR or LF; with Csv quoting a line break inside double quotes stays in the line. Quotes count
     * only at a field's start (after the delimiter, default comma) unless {@code quoteAlways}. A final line break ends
     * the last line rather than starting an empty one, as Lines.FromText.
     */
    static List<Object> lines(String s, boolean csv, boolean quoteAlways, Character delimiter, boolean keepSeparators) {
        char delim = delimiter == null ? ',' : delimiter;
        List<Object> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!quoted && (c == '\r' || c == '\n')) {
                String sep = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(c);
                i += sep.length() - 1;
                if (keepSeparators) {
                    line.append(sep);
                }
                out.add(line.toString());
                line.setLength(0);
                fieldStart = true;
                continue;
            }
            line.append(c);
            if (csv && quoted && c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                line.append('"'); // a doubled quote inside quotes is a quote character
                i++;
                continue;
            }
            if (csv && c == '"' && (quoted || quoteAlways || fieldStart)) {
                quoted = !quoted;
            }
            fieldStart = c == delim;
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

}
