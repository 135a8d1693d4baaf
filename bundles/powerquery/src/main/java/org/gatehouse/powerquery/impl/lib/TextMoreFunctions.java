package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** Text.* range edits and any-of searches, Comparer and Combiner additions, Value.FromText. */
final class TextMoreFunctions {

    private TextMoreFunctions() {
    }

    private interface TextOp {
        Object apply(String s, Object[] a);
    }

    private static void text(Library lib, String name, int min, int max, TextOp op) {
        lib.fn(name, min, max, a -> Args.v(a, 0) == null ? null : op.apply(Args.text(a, 0), a));
    }

    static void register(Library lib) {
        text(lib, "Text.At", 2, 2, (s, a) -> {
            int i = Args.integer(a, 1);
            if (i < 0 || i >= s.length()) {
                throw Errors.expression("The index is outside the text.");
            }
            return s.substring(i, i + 1);
        });
        text(lib, "Text.RemoveRange", 2, 3, (s, a) -> replaceRange(s, Args.integer(a, 1), Args.integerOr(a, 2, 1), ""));
        text(lib, "Text.ReplaceRange", 4, 4, (s, a) -> replaceRange(s, Args.integer(a, 1), Args.integer(a, 2), Args.text(a, 3)));
        text(lib, "Text.PositionOfAny", 2, 3, (s, a) -> {
            List<String> chars = CoreFunctions.names(Args.v(a, 1));
            List<Double> found = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                if (chars.contains(s.substring(i, i + 1))) {
                    found.add((double) i);
                }
            }
            int occurrence = Args.integerOr(a, 2, 0);
            if (occurrence == 2) {
                return new MList(found);
            }
            if (found.isEmpty()) {
                return -1.0;
            }
            return occurrence == 1 ? found.get(found.size() - 1) : found.get(0);
        });
        text(lib, "Text.SplitAny", 2, 2, (s, a) -> {
            String separators = Args.text(a, 1);
            List<Object> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                if (separators.indexOf(s.charAt(i)) >= 0) {
                    parts.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(s.substring(start));
            return new MList(parts);
        });
        lib.fn("Comparer.Equals", 3, 3, a -> {
            Object r = Values.strip(Args.function(a, 0).call(Args.v(a, 1), Args.v(a, 2)));
            return r instanceof Boolean b ? b : Values.number(r) == 0;
        });
        lib.fn("Comparer.FromCulture", 1, 2, a -> {
            boolean ignoreCase = Args.v(a, 1) instanceof Boolean b && b;
            java.text.Collator collator = java.text.Collator.getInstance(cultureLocale(Args.textOrNull(a, 0)));
            collator.setStrength(ignoreCase ? java.text.Collator.SECONDARY : java.text.Collator.TERTIARY);
            return new org.gatehouse.powerquery.impl.eval.Builtin("Comparer.FromCulture", 2, 2, b -> {
                Object x = Args.v(b, 0), y = Args.v(b, 1);
                if (x instanceof String sx && y instanceof String sy) {
                    return (double) Integer.signum(collator.compare(sx, sy));
                }
                return (double) Integer.signum(Values.compare(x, y));
            });
        });
        lib.fn("Combiner.CombineTextByEachDelimiter", 1, 2, a -> {
            List<String> delimiters = CoreFunctions.names(Args.v(a, 0));
            return combiner("Combiner.CombineTextByEachDelimiter", texts -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < texts.size(); i++) {
                    if (i > 0) {
                        sb.append(i - 1 < delimiters.size() ? delimiters.get(i - 1) : "");
                    }
                    sb.append(texts.get(i));
                }
                return sb.toString();
            });
        });
        lib.fn("Combiner.CombineTextByLengths", 1, 2, a -> {
            List<Object> lengths = Args.list(a, 0).values();
            String template = Args.v(a, 1) == null ? "" : Args.text(a, 1);
            return combiner("Combiner.CombineTextByLengths", texts -> {
                List<int[]> ranges = new ArrayList<>();
                int pos = 0;
                for (Object l : lengths) {
                    int n = (int) Values.number(l);
                    ranges.add(new int[] {pos, n});
                    pos += n;
                }
                return place(texts, ranges, template);
            });
        });
        lib.fn("Combiner.CombineTextByPositions", 1, 2, a -> {
            List<Object> positions = Args.list(a, 0).values();
            String template = Args.v(a, 1) == null ? "" : Args.text(a, 1);
            return combiner("Combiner.CombineTextByPositions", texts -> {
                List<int[]> ranges = new ArrayList<>();
                for (int i = 0; i < positions.size(); i++) {
                    int p = (int) Values.number(positions.get(i));
                    int next = i + 1 < positions.size() ? (int) Values.number(positions.get(i + 1)) : -1;
                    ranges.add(new int[] {p, next < 0 ? -1 : next - p});
                }
                return place(texts, ranges, template);
            });
        });
        lib.fn("Combiner.CombineTextByRanges", 1, 2, a -> {
            List<Object> spec = Args.list(a, 0).values();
            String template = Args.v(a, 1) == null ? "" : Args.text(a, 1);
            return combiner("Combiner.CombineTextByRanges", texts -> {
                List<int[]> ranges = new ArrayList<>();
                for (Object r : spec) {
                    MList l = Values.list(r);
                    ranges.add(new int[] {(int) Values.number(l.get(0)), l.get(1) == null ? -1 : (int) Values.number(l.get(1))});
                }
                return place(texts, ranges, template);
            });
        });
        lib.fn("Value.FromText", 1, 2, a -> {
            Object v = Args.v(a, 0);
            return v instanceof String s ? fromText(s, CultureConvert.ofArgument(Args.v(a, 1))) : v;
        });
    }

    /**
     * Value.FromText: the first reading that fits — null, logical, number, date/time kinds — else the text itself.
     * Another culture than the default reads numbers and dates its way.
     */
    private static Object fromText(String s, CultureConvert culture) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT));
        }
        if (!culture.isDefault()) {
            for (java.util.function.Supplier<Object> attempt : List.<java.util.function.Supplier<Object>>of(
                    () -> CultureNumbers.parseGroupsOfThree(t, culture.culture()), () -> culture.parseDate(t).natural())) {
                try {
                    return attempt.get();
                } catch (RuntimeException e) {
                    // try the next reading
                }
            }
            return s;
        }
        for (java.util.function.Supplier<Object> attempt : List.<java.util.function.Supplier<Object>>of(
                () -> Convert.parseNumber(t), () -> Convert.parseDateTime(t))) {
            try {
                Object v = attempt.get();
                if (v instanceof java.time.LocalDateTime d && d.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        && !t.contains(":")) {
                    return d.toLocalDate();
                }
                return v;
            } catch (RuntimeException e) {
                // try the next reading
            }
        }
        return s;
    }

    private interface TextJoin {
        String join(List<String> texts);
    }

    private static MFunction combiner(String name, TextJoin join) {
        return new org.gatehouse.powerquery.impl.eval.Builtin(name, 1, 1, a -> {
            List<String> texts = new ArrayList<>();
            for (Object x : Args.list(a, 0).values()) {
                texts.add(x == null ? "" : Values.text(x));
            }
            return join.join(texts);
        });
    }

    /** Writes each text at its {start, length} (length -1: all of it) over the template, padding with spaces. */
    private static String place(List<String> texts, List<int[]> ranges, String template) {
        StringBuilder sb = new StringBuilder(template);
        for (int i = 0; i < ranges.size() && i < texts.size(); i++) {
            int start = ranges.get(i)[0], length = ranges.get(i)[1];
            String t = texts.get(i);
            if (length >= 0 && t.length() > length) {
                t = t.substring(0, length);
            }
            while (sb.length() < start) {
                sb.append(' ');
            }
            int end = start + t.length();
            if (sb.length() < end) {
                sb.setLength(end);
            }
            sb.replace(start, end, t);
            for (int k = start + t.length(); length >= 0 && k < start + length; k++) {
                if (k >= sb.length()) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().replace('\0', ' ');
    }

    private static String replaceRange(String s, int offset, int count, String with) {
        if (offset < 0 || count < 0 || offset + count > s.length()) {
            throw Errors.expression("The offset and count are outside the text.");
        }
        return s.substring(0, offset) + with + s.substring(offset + count);
    }

    static java.util.Locale cultureLocale(String culture) {
        return culture == null || culture.isEmpty() ? java.util.Locale.ROOT : java.util.Locale.forLanguageTag(culture);
    }
}
