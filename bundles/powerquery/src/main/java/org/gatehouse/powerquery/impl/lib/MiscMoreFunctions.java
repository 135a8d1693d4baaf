package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.cli.MSource;
import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.*;

/** Splitters by lengths/ranges/transitions, Lines.*, Guid.From, Binary list/range functions, Expression.Constant. */
final class MiscMoreFunctions {

    private MiscMoreFunctions() {
    }

    private interface TextSplit {
        List<Object> split(String s);
    }

    private static Builtin splitter(TextSplit f) {
        return new Builtin("Splitter", 1, 1, b -> Args.v(b, 0) == null ? MList.of((Object) null) : new MList(f.split(Args.text(b, 0))));
    }

    static void register(Library lib) {
        lib.value("RelativePosition.FromStart", 0.0);
        lib.value("RelativePosition.FromEnd", 1.0);
        lib.value("PercentileMode.ExcelInc", 1.0);
        lib.value("PercentileMode.ExcelExc", 2.0);
        lib.value("PercentileMode.SqlDisc", 3.0);
        lib.value("PercentileMode.SqlCont", 4.0);
        lib.fn("List.Percentile", 2, 3, a -> {
            List<Double> sorted = new ArrayList<>();
            for (Object x : Args.list(a, 0).values()) {
                if (x != null) {
                    sorted.add(Values.number(x));
                }
            }
            sorted.sort(null);
            MRecord options = Args.recordOrEmpty(a, 2);
            int mode = Args.option(options, "PercentileMode") == null ? 1 : (int) Values.number(Args.option(options, "PercentileMode"));
            Object p = Args.v(a, 1);
            if (p instanceof MList ps) {
                List<Object> out = new ArrayList<>();
                for (Object q : ps.values()) {
                    out.add(percentile(sorted, Values.number(q), mode));
                }
                return new MList(out);
            }
            return percentile(sorted, Values.number(p), mode);
        });
        lib.fn("Splitter.SplitTextByLengths", 1, 2, a -> {
            List<Object> lengths = Args.list(a, 0).values();
            boolean fromEnd = Boolean.TRUE.equals(Args.v(a, 1));
            return splitter(s -> byLengths(s, lengths.stream().map(x -> (int) Values.number(x)).toList(), fromEnd));
        });
        lib.fn("Splitter.SplitTextByRepeatedLengths", 1, 2, a -> {
            int length = Args.integer(a, 0);
            boolean fromEnd = Boolean.TRUE.equals(Args.v(a, 1));
            return splitter(s -> {
                List<Integer> lengths = new ArrayList<>();
                for (int i = 0; length > 0 && i < s.length(); i += length) {
                    lengths.add(length);
                }
                return byLengths(s, lengths, fromEnd);
            });
        });
        lib.fn("Splitter.SplitTextByRanges", 1, 2, a -> {
            List<Object> ranges = Args.list(a, 0).values();
            boolean startAtEnd = Boolean.TRUE.equals(Args.v(a, 1));
            return splitter(text -> startAtEnd ? reversedSplit(text, s -> ranges(s, ranges)).values() : ranges(text, ranges));
        });
        lib.fn("Splitter.SplitTextByCharacterTransition", 2, 2, a -> {
            Object before = Args.v(a, 0), after = Args.v(a, 1);
            return splitter(s -> {
                List<Object> out = new ArrayList<>();
                int start = 0;
                for (int i = 1; i < s.length(); i++) {
                    if (matches(before, s.substring(i - 1, i)) && matches(after, s.substring(i, i + 1))) {
                        out.add(s.substring(start, i));
                        start = i;
                    }
                }
                out.add(s.substring(start));
                return out;
            });
        });
        lib.fn("Splitter.SplitTextByWhitespace", 0, 1, a -> splitter(s -> {
            List<Object> out = new ArrayList<>();
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }));
        lib.fn("Lines.ToText", 1, 2, a -> {
            String separator = Args.v(a, 1) == null ? "\r\n" : Args.text(a, 1);
            StringBuilder sb = new StringBuilder();
            for (Object line : Args.list(a, 0).values()) {
                sb.append(Values.text(line)).append(separator);
            }
            return sb.toString();
        });
        lib.fn("Lines.FromText", 1, 4, a -> {
            String s = Args.text(a, 0);
            List<Object> lines = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
            if (!lines.isEmpty() && "".equals(lines.get(lines.size() - 1))) {
                lines.remove(lines.size() - 1); // a final line break ends the last line, it doesn't start a new one
            }
            return new MList(lines);
        });
        lib.fn("Guid.From", 1, 1, a -> {
            if (Args.v(a, 0) == null) {
                return null;
            }
            String hex = Args.text(a, 0).replaceAll("[{}()\\-]", "").toLowerCase(java.util.Locale.ROOT);
            if (!hex.matches("[0-9a-f]{32}")) {
                throw Errors.dataFormat("The input isn't a valid GUID.");
            }
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        });
        lib.fn("Binary.FromList", 1, 1, a -> {
            List<Object> items = Args.list(a, 0).values();
            byte[] b = new byte[items.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) Values.number(items.get(i));
            }
            return new MBinary(b);
        });
        lib.fn("Binary.ToList", 1, 1, a -> {
            List<Object> out = new ArrayList<>();
            for (byte x : binary(a, 0)) {
                out.add((double) (x & 0xff));
            }
            return new MList(out);
        });
        lib.fn("Binary.Range", 2, 3, a -> {
            byte[] b = binary(a, 0);
            int offset = Args.integer(a, 1);
            int end = Args.v(a, 2) == null ? b.length : offset + Args.integer(a, 2);
            if (offset < 0 || offset > b.length || end > b.length) {
                throw Errors.expression("The range is outside the binary.");
            }
            return new MBinary(java.util.Arrays.copyOfRange(b, offset, end));
        });
        lib.fn("Binary.ApproximateLength", 1, 1, a -> Args.v(a, 0) == null ? null : (Object) (double) binary(a, 0).length);
        lib.fn("Binary.From", 1, 3, a -> {
            Object v = Args.v(a, 0);
            if (v == null || v instanceof MBinary) {
                return v;
            }
            if (v instanceof String s) {
                return new MBinary(java.util.Base64.getDecoder().decode(s));
            }
            throw Errors.cannotConvert(v, "Binary");
        });
        lib.fn("Expression.Constant", 1, 1, a -> {
            Object v = Args.v(a, 0);
            if (v instanceof MFunction || v instanceof MTable || v instanceof MType) {
                throw Errors.expression("Expression.Constant: a " + Values.kind(v) + " has no constant form.");
            }
            return MSource.of(v);
        });
        lib.fn("Expression.Identifier", 1, 1, a -> {
            String name = Args.text(a, 0);
            return name.matches("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*") && !KEYWORDS.contains(name)
                    ? name : "#" + MSource.text(name);
        });
    }

    /** Excel's PERCENTILE.INC / .EXC interpolation, SQL's PERCENTILE_DISC / _CONT. */
    private static Object percentile(List<Double> x, double p, int mode) {
        int n = x.size();
        if (n == 0) {
            return null;
        }
        if (mode == 3) { // the smallest value whose cumulative distribution reaches p
            int k = (int) Math.ceil(p * n) - 1;
            return x.get(Math.max(0, Math.min(n - 1, k)));
        }
        double rank = mode == 2 ? p * (n + 1) - 1 : p * (n - 1); // 0-based
        if (mode == 2 && (rank < 0 || rank > n - 1)) {
            throw Errors.expression("The percentile is outside the range the values allow.");
        }
        int lo = (int) Math.floor(rank);
        double frac = rank - lo;
        return lo + 1 < n ? x.get(lo) + frac * (x.get(lo + 1) - x.get(lo)) : x.get(lo);
    }

    /** Splits at any of the delimiters outside double quotes; quotes are dropped and "" inside them is one quote. */
    static List<Object> splitQuotedAny(String s, List<String> delimiters) {
        List<Object> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                i++;
                continue;
            }
            String hit = null;
            if (!quoted) {
                for (String d : delimiters) {
                    if (!d.isEmpty() && s.startsWith(d, i)) {
                        hit = d;
                        break;
                    }
                }
            }
            if (hit != null) {
                out.add(field.toString());
                field.setLength(0);
                i += hit.length();
            } else {
                field.append(c);
                i++;
            }
        }
        out.add(field.toString());
        return out;
    }

    /** Each {offset, length} range of the text (a null length: to the end). */
    private static List<Object> ranges(String s, List<Object> ranges) {
        List<Object> out = new ArrayList<>();
        for (Object r : ranges) {
            MList l = Values.list(r);
            int from = Math.min(s.length(), (int) Values.number(l.get(0)));
            int to = l.get(1) == null ? s.length() : Math.min(s.length(), from + (int) Values.number(l.get(1)));
            out.add(s.substring(from, to));
        }
        return out;
    }

    /** A splitter counting from the end: splits the reversed text, then reverses each piece and their order. */
    static MList reversedSplit(String s, java.util.function.Function<String, List<Object>> split) {
        List<Object> pieces = new ArrayList<>();
        for (Object piece : split.apply(new StringBuilder(s).reverse().toString())) {
            pieces.add(0, piece == null ? null : new StringBuilder((String) piece).reverse().toString());
        }
        return new MList(pieces);
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "as", "each", "else", "error", "false",
            "if", "in", "is", "let", "meta", "not", "null", "or", "otherwise", "section", "shared", "then", "true",
            "try", "type");

    private static byte[] binary(Object[] a, int i) {
        return Values.binary(Args.v(a, i)).bytes();
    }

    private static boolean matches(Object charsOrPredicate, String c) {
        if (charsOrPredicate instanceof MFunction f) {
            return Values.logical(f.call(c));
        }
        return CoreFunctions.names(charsOrPredicate).contains(c);
    }

    /** Consecutive pieces of the given lengths, counted from the start or, with fromEnd, from the end. */
    private static List<Object> byLengths(String s, List<Integer> lengths, boolean fromEnd) {
        List<Object> out = new ArrayList<>();
        if (!fromEnd) {
            int pos = 0;
            for (int n : lengths) {
                int from = Math.min(pos, s.length()), to = Math.min(pos + n, s.length());
                out.add(s.substring(from, to));
                pos += n;
            }
            return out;
        }
        int end = s.length();
        for (int n : lengths) {
            int from = Math.max(0, end - n);
            out.add(0, s.substring(from, Math.max(from, end)));
            end = from;
        }
        return out;
    }
}
