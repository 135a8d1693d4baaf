package org.gatehouse.powerquery.impl.lib;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** Number.Bitwise*, List.NonNullCount/Random/Split, Uri.*, simple Type.* accessors, enumeration types. */
final class ValueMoreFunctions {

    private ValueMoreFunctions() {
    }

    private interface LongOp {
        long apply(long x, long y);
    }

    private static void bitwise(Library lib, String name, LongOp op) {
        lib.fn(name, 2, 2, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null
                : (Object) (double) op.apply((long) Args.number(a, 0), (long) Args.number(a, 1)));
    }

    static void register(Library lib) {
        bitwise(lib, "Number.BitwiseAnd", (x, y) -> x & y);
        bitwise(lib, "Number.BitwiseOr", (x, y) -> x | y);
        bitwise(lib, "Number.BitwiseXor", (x, y) -> x ^ y);
        bitwise(lib, "Number.BitwiseShiftLeft", (x, y) -> x << y);
        bitwise(lib, "Number.BitwiseShiftRight", (x, y) -> x >> y);
        lib.fn("Number.BitwiseNot", 1, 1, a -> Args.v(a, 0) == null ? null : (Object) (double) ~(long) Args.number(a, 0));
        lib.fn("List.NonNullCount", 1, 1, a -> (double) Args.list(a, 0).values().stream().filter(x -> x != null).count());
        lib.fn("List.Random", 1, 2, a -> {
            java.util.Random r = Args.v(a, 1) == null ? new java.util.Random() : new java.util.Random((long) Args.number(a, 1));
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Args.integer(a, 0); i++) {
                out.add(r.nextDouble());
            }
            return new MList(out);
        });
        lib.fn("List.Split", 2, 2, a -> {
            List<Object> items = Args.list(a, 0).values();
            int size = Args.integer(a, 1);
            if (size <= 0) {
                throw Errors.expression("The page size must be positive.");
            }
            List<Object> pages = new ArrayList<>();
            for (int i = 0; i < items.size(); i += size) {
                pages.add(new MList(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size)))));
            }
            return new MList(pages);
        });
        lib.fn("Uri.EscapeDataString", 1, 1, a -> Args.v(a, 0) == null ? null : escape(Args.text(a, 0)));
        lib.fn("Uri.BuildQueryString", 1, 1, a -> {
            MRecord r = Args.record(a, 0);
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < r.names().size(); i++) {
                Object v = r.get(i);
                List<Object> values = v instanceof MList l ? l.values() : List.of(v);
                for (Object x : values) {
                    pairs.add(escape(r.names().get(i)) + "=" + escape(Values.text(x)));
                }
            }
            return String.join("&", pairs);
        });
        lib.fn("Uri.Parts", 1, 1, a -> {
            String text = Args.text(a, 0);
            java.net.URI u = java.net.URI.create(text.contains("://") ? text : "http://" + text);
            String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("ftp") ? 21 : 80;
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (u.getRawQuery() != null) {
                for (String pair : u.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    int at = names.indexOf(k);
                    if (at < 0) {
                        names.add(k);
                        values.add(v);
                    } else { // a repeated key collects its values in a list
                        Object prior = values.get(at);
                        List<Object> all = new ArrayList<>(prior instanceof MList l ? l.values() : List.of(prior));
                        all.add(v);
                        values.set(at, new MList(all));
                    }
                }
            }
            String userInfo = u.getUserInfo() == null ? "" : u.getUserInfo();
            int colon = userInfo.indexOf(':');
            return MRecord.of("Scheme", scheme, "Host", u.getHost(), "Port", (double) port,
                    "Path", u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath(), "Query", new MRecord(names, values),
                    "Fragment", u.getFragment() == null ? "" : u.getFragment(),
                    "UserName", colon < 0 ? userInfo : userInfo.substring(0, colon),
                    "Password", colon < 0 ? "" : userInfo.substring(colon + 1));
        });
        lib.fn("Uri.Combine", 2, 2, a -> java.net.URI.create(Args.text(a, 0)).resolve(Args.text(a, 1)).toString());
        for (String e : new String[] {"BinaryEncoding", "BinaryOccurrence", "BufferMode", "ByteOrder", "Compression", "Day",
                "ExtraValues", "GroupKind", "JoinAlgorithm", "JoinKind", "JoinSide", "LimitClauseKind", "MissingField",
                "Occurrence", "Order", "PercentileMode", "Precision", "QuoteStyle", "RoundingMode", "TextEncoding",
                "TraceLevel", "RelativePosition", "CsvStyle", "RankKind", "WebMethod", "ODataOmitValues",
                "AccessControlKind", "SapBusinessWarehouseExecutionMode", "SapHanaDistribution", "SapHanaRangeOperator"}) {
            lib.value(e + ".Type", MType.NUMBER); // enumerations are numbers
        }
        lib.value("Culture.Current", Culture.currentName()); // a library is made per engine, inside the refresh
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters, as .NET's Uri.EscapeDataString. */
    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~").replace("*", "%2A");
    }
}
