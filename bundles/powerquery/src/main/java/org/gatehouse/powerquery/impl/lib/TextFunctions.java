package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.*;

/** Text.*, Splitter.*, Combiner.*, Replacer.*. A null text argument gives null, as in M. */
final class TextFunctions {

    private TextFunctions() {
    }

    interface TextOp {
        Object apply(String s, Object[] a);
    }

    /** Registers a function whose first argument is a text and which returns null for null. */
    private static void text(Library lib, String name, int min, int max, TextOp op) {
        lib.fn(name, min, max, a -> {
            Object v = Args.v(a, 0);
            return v == null ? null : op.apply(Values.text(v), a);
        });
    }

    /**
     * Like {@link #text} but null text is taken as "": Excel's loads of Text.BeforeDelimiter, AfterDelimiter and
     * BetweenDelimiters over a null cell hold empty texts, not nulls.
     */
    private static void delimited(Library lib, String name, int min, int max, TextOp op) {
        lib.fn(name, min, max, a -> {
            Object v = Args.v(a, 0);
            return op.apply(v == null ? "" : Values.text(v), a);
        });
    }

    static void register(Library lib) {
        // one character for one, the culture deciding only the Turkish i's, never the JVM's default locale (SimpleCase)
        text(lib, "Text.Upper", 1, 2, (s, a) -> SimpleCase.upper(s, Culture.ofArgument(Args.v(a, 1)).locale));
        text(lib, "Text.Lower", 1, 2, (s, a) -> SimpleCase.lower(s, Culture.ofArgument(Args.v(a, 1)).locale));
        text(lib, "Text.Proper", 1, 2, (s, a) -> proper(s, Culture.ofArgument(Args.v(a, 1)).locale));
        text(lib, "Text.Trim", 1, 2, (s, a) -> trim(s, Args.v(a, 1), true, true));
        text(lib, "Text.TrimStart", 1, 2, (s, a) -> trim(s, Args.v(a, 1), true, false));
        text(lib, "Text.TrimEnd", 1, 2, (s, a) -> trim(s, Args.v(a, 1), false, true));
        text(lib, "Text.Clean", 1, 1, (s, a) -> s.replaceAll("\\p{Cc}", ""));
        text(lib, "Text.Length", 1, 1, (s, a) -> (double) s.length());
        text(lib, "Text.Start", 2, 2, (s, a) -> s.substring(0, Math.min(s.length(), Args.integer(a, 1))));
        text(lib, "Text.End", 2, 2, (s, a) -> s.substring(Math.max(0, s.length() - Args.integer(a, 1))));
        text(lib, "Text.Middle", 2, 3, (s, a) -> {
            int from = Math.min(s.length(), Args.integer(a, 1));
            int to = Args.v(a, 2) == null ? s.length() : Math.min(s.length(), from + Args.integer(a, 2));
            return s.substring(from, to);
        });
        text(lib, "Text.Range", 2, 3, (s, a) -> {
            int from = Args.integer(a, 1);
            if (from > s.length()) {
                throw Errors.expression("The offset is outside the text.");
            }
            int to = Args.v(a, 2) == null ? s.length() : from + Args.integer(a, 2);
            if (to > s.length()) {
                throw Errors.expression("The count is outside the text.");
            }
            return s.substring(from, to);
        });
        text(lib, "Text.Contains", 2, 3, (s, a) -> ignoreCase(a, 2) ? SimpleCase.fold(s).contains(SimpleCase.fold(Args.text(a, 1)))
                : s.contains(Args.text(a, 1)));
        text(lib, "Text.StartsWith", 2, 3, (s, a) -> ignoreCase(a, 2) ? SimpleCase.fold(s).startsWith(SimpleCase.fold(Args.text(a, 1)))
                : s.startsWith(Args.text(a, 1)));
        text(lib, "Text.EndsWith", 2, 3, (s, a) -> ignoreCase(a, 2) ? SimpleCase.fold(s).endsWith(SimpleCase.fold(Args.text(a, 1)))
                : s.endsWith(Args.text(a, 1)));
        text(lib, "Text.Replace", 3, 3, (s, a) -> s.replace(Args.text(a, 1), Args.text(a, 2)));
        text(lib, "Text.Remove", 2, 2, (s, a) -> {
            List<String> chars = CoreFunctions.names(Args.v(a, 1));
            StringBuilder sb = new StringBuilder();
            s.codePoints().filter(c -> !chars.contains(new String(Character.toChars(c)))).forEach(sb::appendCodePoint);
            return sb.toString();
        });
        text(lib, "Text.Select", 2, 2, (s, a) -> {
            List<String> chars = CoreFunctions.names(Args.v(a, 1));
            StringBuilder sb = new StringBuilder();
            s.codePoints().filter(c -> chars.contains(new String(Character.toChars(c)))).forEach(sb::appendCodePoint);
            return sb.toString();
        });
        text(lib, "Text.Reverse", 1, 1, (s, a) -> new StringBuilder(s).reverse().toString());
        text(lib, "Text.Repeat", 2, 2, (s, a) -> s.repeat(Args.integer(a, 1)));
        text(lib, "Text.Insert", 3, 3, (s, a) -> s.substring(0, Args.integer(a, 1)) + Args.text(a, 2) + s.substring(Args.integer(a, 1)));
        text(lib, "Text.PadStart", 2, 3, (s, a) -> pad(a, 2).repeat(Math.max(0, Args.integer(a, 1) - s.length())) + s);
        text(lib, "Text.PadEnd", 2, 3, (s, a) -> s + pad(a, 2).repeat(Math.max(0, Args.integer(a, 1) - s.length())));
        text(lib, "Text.PositionOf", 2, 4, (s, a) -> {
            String needle = Args.text(a, 1);
            boolean ignoreCase = Args.v(a, 3) instanceof MFunction f && f.name().equals("Comparer.OrdinalIgnoreCase");
            String hay = ignoreCase ? SimpleCase.fold(s) : s, pin = ignoreCase ? SimpleCase.fold(needle) : needle;
            List<Object> found = new ArrayList<>();
            // an empty text is found at every position, the end included (.NET's IndexOf("") is 0); the walk stops
            // at the end, where Java's indexOf of an empty text would keep answering the text's length
            int step = Math.max(1, pin.length());
            for (int k = hay.indexOf(pin); k >= 0; k = k + step <= hay.length() ? hay.indexOf(pin, k + step) : -1) {
                found.add((double) k);
            }
            int occurrence = Args.integerOr(a, 2, 0); // Occurrence.First, Last, All
            if (occurrence == 2) {
                return new MList(found);
            }
            return found.isEmpty() ? -1.0 : occurrence == 1 ? found.get(found.size() - 1) : found.get(0);
        });
        text(lib, "Text.Split", 2, 2, (s, a) -> new MList(split(s, Args.text(a, 1))));
        text(lib, "Text.ToList", 1, 1, (s, a) -> new MList(s.codePoints().mapToObj(c -> new String(Character.toChars(c))).toList()));
        delimited(lib, "Text.BeforeDelimiter", 2, 3, (s, a) -> {
            int i = delimiterIndex(s, Args.text(a, 1), Args.v(a, 2));
            return i < 0 ? s : s.substring(0, i);
        });
        delimited(lib, "Text.AfterDelimiter", 2, 3, (s, a) -> {
            int i = delimiterIndex(s, Args.text(a, 1), Args.v(a, 2));
            return i < 0 ? "" : s.substring(i + Args.text(a, 1).length());
        });
        delimited(lib, "Text.BetweenDelimiters", 3, 5, (s, a) -> {
            int i = delimiterIndex(s, Args.text(a, 1), Args.v(a, 3));
            if (i < 0) {
                return "";
            }
            String rest = s.substring(i + Args.text(a, 1).length());
            // the end delimiter is counted from the start delimiter (or, FromEnd, from the end of the text)
            int j = delimiterIndex(rest, Args.text(a, 2), Args.v(a, 4));
            return j < 0 ? rest : rest.substring(0, j);
        });
        lib.fn("Text.From", 1, 2, a -> {
            Object v = Args.v(a, 0);
            return v == null ? null : CultureConvert.ofArgument(Args.v(a, 1)).text(v);
        });
        lib.fn("Text.Combine", 1, 2, a -> {
            List<String> parts = new ArrayList<>();
            for (Object v : Args.list(a, 0).values()) {
                if (v != null) {
                    parts.add(Values.text(v));
                }
            }
            return String.join(Args.v(a, 1) == null ? "" : Args.text(a, 1), parts);
        });
        lib.fn("Text.Format", 2, 3, a -> {
            String f = Args.text(a, 0);
            Object args = Args.v(a, 1);
            StringBuilder sb = new StringBuilder();
            // #{0} takes an item of a list, #[name] a field of a record
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("#\\{([^}]*)\\}|#\\[([^\\]]*)\\]").matcher(f);
            CultureConvert culture = CultureConvert.ofArgument(Args.v(a, 2));
            while (m.find()) {
                String key = m.group(1) != null ? m.group(1) : m.group(2);
                Object v = Values.strip(args instanceof MList l ? l.get(Integer.parseInt(key)) : Values.record(args).get(key));
                // numbers and dates are written the culture's way, anything else as usual
                String text = culture.isDefault() || !(v instanceof Number || v instanceof java.time.temporal.Temporal)
                        ? Values.toText(v) : culture.text(v);
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(text));
            }
            m.appendTail(sb);
            return sb.toString();
        });
        lib.fn("Text.NewGuid", 0, 0, a -> java.util.UUID.randomUUID().toString());
        lib.fn("Character.FromNumber", 1, 1, a -> new String(Character.toChars(Args.integer(a, 0))));
        lib.fn("Character.ToNumber", 1, 1, a -> (double) Args.text(a, 0).codePointAt(0));
        lib.fn("Text.FromBinary", 1, 2, a -> {
            Object v = Args.v(a, 0);
            return v == null ? null : Encodings.decode(((MBinary) v).bytes(), Args.v(a, 1));
        });
        lib.fn("Text.ToBinary", 1, 3, a -> {
            java.nio.charset.Charset cs = Encodings.charset(Args.v(a, 1));
            byte[] body = Args.text(a, 0).getBytes(cs);
            if (!Boolean.TRUE.equals(Args.v(a, 2))) {
                return new MBinary(body);
            }
            byte[] bom = "\uFEFF".getBytes(cs); // the byte order mark in the same encoding (UTF-16LE: FF FE)
            byte[] out = java.util.Arrays.copyOf(bom, bom.length + body.length);
            System.arraycopy(body, 0, out, bom.length, body.length);
            return new MBinary(out);
        });
        splittersAndCombiners(lib);
    }

    private static boolean ignoreCase(Object[] a, int i) {
        Object comparer = Args.v(a, i);
        return comparer instanceof MFunction f && f.name().equals("Comparer.OrdinalIgnoreCase");
    }

    private static String pad(Object[] a, int i) {
        return Args.v(a, i) == null ? " " : Args.text(a, i);
    }

    private static int delimiterIndex(String s, String delimiter, Object index) {
        int n = 0;
        boolean fromEnd = false;
        if (index instanceof Double d) {
            n = d.intValue();
        } else if (index instanceof MList l) {
            n = (int) Values.number(l.get(0));
            fromEnd = l.size() > 1 && Values.number(l.get(1)) == 1;
        }
        int at = fromEnd ? s.length() : -1;
        for (int k = 0; k <= n; k++) {
            at = fromEnd ? s.lastIndexOf(delimiter, at - 1) : s.indexOf(delimiter, at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    static String trim(String s, Object chars, boolean start, boolean end) {
        List<String> set = chars == null ? null : CoreFunctions.names(chars);
        int b = 0, e = s.length();
        while (start && b < e && (set == null ? Character.isWhitespace(s.charAt(b)) || s.charAt(b) == '\u00a0'
                : set.contains(String.valueOf(s.charAt(b))))) {
            b++;
        }
        while (end && e > b && (set == null ? Character.isWhitespace(s.charAt(e - 1)) || s.charAt(e - 1) == '\u00a0'
                : set.contains(String.valueOf(s.charAt(e - 1))))) {
            e--;
        }
        return s.substring(b, e);
    }

    static String proper(String s, java.util.Locale locale) {
        StringBuilder sb = new StringBuilder();
        boolean startOfWord = true;
        for (char c : s.toCharArray()) {
            String one = String.valueOf(c);
            sb.append(startOfWord ? SimpleCase.upper(one, locale) : SimpleCase.lower(one, locale));
            startOfWord = !Character.isLetter(c);
        }
        return sb.toString();
    }

    static List<Object> split(String s, String delimiter) {
        List<Object> out = new ArrayList<>();
        if (delimiter.isEmpty()) {
            out.add(s);
            return out;
        }
        int from = 0;
        for (int i; (i = s.indexOf(delimiter, from)) >= 0; from = i + delimiter.length()) {
            out.add(s.substring(from, i));
        }
        out.add(s.substring(from));
        return out;
    }

    /** Splits honouring double quotes (QuoteStyle.Csv): a quoted part may contain the delimiter; "" is a quote. */
    static List<Object> splitQuoted(String s, String delimiter) {
        return splitQuoted(s, delimiter, false);
    }

    /** With quoteAlways, a quote opens a quoted run anywhere in a field, the field's text before it kept. */
    static List<Object> splitQuoted(String s, String delimiter, boolean quoteAlways) {
        List<Object> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && (quoteAlways || cur.toString().isBlank())) {
                quoted = true;
                if (cur.toString().isBlank()) {
                    cur.setLength(0);
                }
            } else if (s.startsWith(delimiter, i)) {
                out.add(cur.toString());
                cur.setLength(0);
                i += delimiter.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<Object> splitAny(String s, List<String> ds, boolean csv) {
        if (csv) {
            return MiscMoreFunctions.splitQuotedAny(s, ds);
        }
        for (String d : ds.subList(1, ds.size())) {
            s = s.replace(d, ds.get(0));
        }
        return split(s, ds.get(0));
    }

    private static void splittersAndCombiners(Library lib) {
        // the reference's third argument, csvStyle: CsvStyle.QuoteAlways makes a quote significant anywhere in a
        // field, not only right after a delimiter (CsvStyle.QuoteAfterDelimiter, the default)
        lib.fn("Splitter.SplitTextByDelimiter", 1, 3, a -> {
            String d = Args.text(a, 0);
            boolean csv = Args.v(a, 1) instanceof Double q && q == 1;
            boolean quoteAlways = Args.v(a, 2) instanceof Double style && style == 1;
            return new Builtin("Splitter", 1, 1, b -> Args.v(b, 0) == null ? MList.of((Object) null)
                    : new MList(csv ? splitQuoted(Args.text(b, 0), d, quoteAlways) : split(Args.text(b, 0), d)));
        });
        lib.fn("Splitter.SplitTextByAnyDelimiter", 1, 3, a -> {
            List<String> ds = CoreFunctions.names(Args.v(a, 0));
            boolean csv = Args.v(a, 1) instanceof Double q && q == 1;
            boolean fromEnd = Boolean.TRUE.equals(Args.v(a, 2));
            return new Builtin("Splitter", 1, 1, b -> {
                String s = Args.text(b, 0);
                if (!fromEnd) {
                    return new MList(splitAny(s, ds, csv));
                }
                // from the end: the text read backwards, delimiters and quotes alike, so that a quote opens a quoted
                // part toward the start: "a,""b;c,d" gives {"a,b", "c", "d"} (the reference example)
                List<String> reversed = new ArrayList<>();
                for (String d : ds) {
                    reversed.add(new StringBuilder(d).reverse().toString());
                }
                List<Object> parts = splitAny(new StringBuilder(s).reverse().toString(), reversed, csv);
                List<Object> out = new ArrayList<>(parts.size());
                for (int i = parts.size() - 1; i >= 0; i--) {
                    out.add(new StringBuilder((String) parts.get(i)).reverse().toString());
                }
                return new MList(out);
            });
        });
        lib.fn("Splitter.SplitTextByEachDelimiter", 1, 3, a -> {
            List<String> ds = CoreFunctions.names(Args.v(a, 0));
            boolean fromEnd = Boolean.TRUE.equals(Args.v(a, 2));
            return new Builtin("Splitter", 1, 1, b -> {
                // each delimiter splits once, in turn, from the start (or end) of what is left
                String rest = Args.text(b, 0);
                List<Object> parts = new ArrayList<>();
                for (String d : ds) {
                    int i = fromEnd ? rest.lastIndexOf(d) : rest.indexOf(d);
                    if (i < 0) {
                        break;
                    }
                    if (fromEnd) {
                        parts.add(0, rest.substring(i + d.length()));
                        rest = rest.substring(0, i);
                    } else {
                        parts.add(rest.substring(0, i));
                        rest = rest.substring(i + d.length());
                    }
                }
                if (fromEnd) {
                    parts.add(0, rest);
                } else {
                    parts.add(rest);
                }
                return new MList(parts);
            });
        });
        lib.fn("Splitter.SplitByNothing", 0, 0, a -> new Builtin("Splitter", 1, 1, b -> MList.of(Args.v(b, 0))));
        lib.fn("Splitter.SplitTextByPositions", 1, 2, a -> {
            List<Object> positions = Args.list(a, 0).values();
            boolean startAtEnd = Boolean.TRUE.equals(Args.v(a, 1));
            return new Builtin("Splitter", 1, 1, b -> {
                String s = Args.text(b, 0);
                if (startAtEnd) { // positions count from the end: split the reversed text, then turn the pieces back
                    return MiscMoreFunctions.reversedSplit(s, r -> {
                        List<Object> out = new ArrayList<>();
                        for (int i = 0; i < positions.size(); i++) {
                            int from = Math.min(r.length(), (int) Values.number(positions.get(i)));
                            int to = i + 1 < positions.size() ? Math.min(r.length(), (int) Values.number(positions.get(i + 1))) : r.length();
                            out.add(r.substring(from, Math.max(from, to)));
                        }
                        return out;
                    });
                }
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < positions.size(); i++) {
                    int from = Math.min(s.length(), (int) Values.number(positions.get(i)));
                    int to = i + 1 < positions.size() ? Math.min(s.length(), (int) Values.number(positions.get(i + 1))) : s.length();
                    out.add(s.substring(from, Math.max(from, to)));
                }
                return new MList(out);
            });
        });
        lib.fn("Combiner.CombineTextByDelimiter", 1, 2, a -> {
            String d = Args.text(a, 0);
            // QuoteStyle.Csv (1): a part holding the delimiter, a quote or a line break is quoted, so it splits back
            boolean csvQuotes = Args.v(a, 1) instanceof Double q && q == 1;
            return new Builtin("Combiner", 1, 1, b -> {
                List<String> parts = new ArrayList<>();
                for (Object v : Args.list(b, 0).values()) {
                    String part = v == null ? "" : Values.text(v);
                    boolean quote = csvQuotes && (part.contains(d) || part.contains("\"") || part.contains("\n")
                            || part.contains("\r"));
                    parts.add(quote ? "\"" + part.replace("\"", "\"\"") + "\"" : part);
                }
                return String.join(d, parts);
            });
        });
        lib.fn("Replacer.ReplaceText", 3, 3, a -> Args.v(a, 0) == null ? null
                : Args.text(a, 0).replace(Args.text(a, 1), Args.v(a, 2) == null ? "" : Args.text(a, 2)));
        lib.fn("Replacer.ReplaceValue", 3, 3, a -> Values.equal(Args.v(a, 0), Args.v(a, 1)) ? Args.v(a, 2) : Args.v(a, 0));
        // case only matters between two texts; other values (numbers in a compared row) order as Comparer.Ordinal
        lib.fn("Comparer.OrdinalIgnoreCase", 2, 2, a -> Args.v(a, 0) instanceof String x && Args.v(a, 1) instanceof String y
                ? (double) Integer.signum(x.compareToIgnoreCase(y)) : (double) Values.compare(Args.v(a, 0), Args.v(a, 1)));
        lib.fn("Comparer.Ordinal", 2, 2, a -> (double) Values.compare(Args.v(a, 0), Args.v(a, 1)));
    }
}
