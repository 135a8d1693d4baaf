package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** List.* functions beyond the core set: positions, replacement, N-extremes, modes, alternation. */
final class ListMoreFunctions {

    private ListMoreFunctions() {
    }

    static void register(Library lib) {
        lib.fn("List.PositionOfAny", 2, 4, a -> positionsOfAny(a).isEmpty() ? -1.0 : firstOrAll(positionsOfAny(a), a));
        lib.fn("List.Positions", 1, 1, a -> MList.arithmetic(0, 1, Args.list(a, 0).size()));
        lib.fn("List.IsDistinct", 1, 2, a -> {
            List<Object> items = Args.list(a, 0).values();
            for (int i = 0; i < items.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (Criteria.equal(Args.v(a, 1), items.get(i), items.get(j))) {
                        return false;
                    }
                }
            }
            return true;
        });
        lib.fn("List.SingleOrDefault", 1, 2, a -> {
            MList l = Args.list(a, 0);
            if (l.size() > 1) {
                throw Errors.expression("There were too many elements in the enumeration to complete the operation.");
            }
            return l.size() == 1 ? l.get(0) : Args.v(a, 1);
        });
        lib.fn("List.Alternate", 2, 4, a -> {
            List<Object> items = Args.list(a, 0).values();
            int count = Args.integer(a, 1);
            int repeat = Args.v(a, 2) == null ? 0 : Args.integer(a, 2);
            int offset = Args.integerOr(a, 3, 0);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                boolean skip;
                if (i < offset) {
                    skip = false;
                } else if (repeat == 0) {
                    skip = i - offset < count;
                } else {
                    skip = (i - offset) % (count + repeat) < count;
                }
                if (!skip) {
                    out.add(items.get(i));
                }
            }
            return new MList(out);
        });
        lib.fn("List.MaxN", 2, 4, a -> extremes(a, -1));
        lib.fn("List.MinN", 2, 4, a -> extremes(a, 1));
        lib.fn("List.Modes", 1, 2, a -> {
            List<Object> items = Args.list(a, 0).values();
            if (items.isEmpty()) {
                throw Errors.expression("The list is empty.");
            }
            List<Object> distinct = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (Object x : items) {
                int k = indexOf(distinct, x, Args.v(a, 1));
                if (k < 0) {
                    distinct.add(x);
                    counts.add(1);
                } else {
                    counts.set(k, counts.get(k) + 1);
                }
            }
            int best = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < distinct.size(); i++) {
                if (counts.get(i) == best) {
                    out.add(distinct.get(i));
                }
            }
            return new MList(out);
        });
        lib.fn("List.RemoveItems", 2, 2, a -> {
            List<Object> gone = Args.list(a, 1).values();
            return new MList(Args.list(a, 0).values().stream().filter(x -> indexOf(gone, x, null) < 0).toList());
        });
        lib.fn("List.RemoveMatchingItems", 2, 3, a -> {
            List<Object> gone = Args.list(a, 1).values();
            return new MList(Args.list(a, 0).values().stream().filter(x -> indexOf(gone, x, Args.v(a, 2)) < 0).toList());
        });
        lib.fn("List.ReplaceMatchingItems", 2, 3, a -> {
            List<Object> pairs = Args.list(a, 1).values();
            List<Object> out = new ArrayList<>();
            for (Object x : Args.list(a, 0).values()) {
                Object y = x;
                for (Object p : pairs) {
                    MList pair = Values.list(p);
                    if (Criteria.equal(Args.v(a, 2), x, pair.get(0))) {
                        y = pair.get(1);
                        break;
                    }
                }
                out.add(y);
            }
            return new MList(out);
        });
        lib.fn("List.ReplaceValue", 4, 4, a -> {
            MFunction replacer = Args.function(a, 3);
            return new MList(Args.list(a, 0).values().stream().map(x -> replacer.call(x, Args.v(a, 1), Args.v(a, 2))).toList());
        });
        lib.fn("List.RemoveRange", 2, 3, a -> replaceRange(Args.list(a, 0).values(), Args.integer(a, 1), Args.integerOr(a, 2, 1), List.of()));
        lib.fn("List.ReplaceRange", 4, 4, a -> replaceRange(Args.list(a, 0).values(), Args.integer(a, 1), Args.integer(a, 2), Args.list(a, 3).values()));
        lib.fn("List.FindText", 2, 2, a -> {
            String needle = Args.text(a, 1);
            return new MList(Args.list(a, 0).values().stream().filter(x -> contains(x, needle)).toList());
        });
        lib.fn("List.TransformMany", 3, 3, a -> {
            MFunction collection = Args.function(a, 1), result = Args.function(a, 2);
            List<Object> out = new ArrayList<>();
            for (Object x : Args.list(a, 0).values()) {
                for (Object y : Values.list(collection.call(x)).values()) {
                    out.add(result.call(x, y));
                }
            }
            return new MList(out);
        });
        lib.fn("List.Covariance", 2, 2, a -> {
            List<Object> x = Args.list(a, 0).values(), y = Args.list(a, 1).values();
            if (x.size() != y.size() || x.isEmpty()) {
                throw Errors.expression("The lists must have the same, non-zero number of items.");
            }
            // population covariance as the mean of the products less the product of the means, each mean summed from
            // the items already divided by the count: the order that gives the reference's 0.66666666666666607 for
            // {1, 2, 3} with itself (14/3 - 4 summed otherwise gives ...696, and the two-pass form ...663)
            int n = x.size();
            double products = 0, mx = 0, my = 0;
            for (int i = 0; i < n; i++) {
                double xi = Values.number(x.get(i)), yi = Values.number(y.get(i));
                products += xi * yi / n;
                mx += xi / n;
                my += yi / n;
            }
            return products - mx * my;
        });
        lib.fn("List.Durations", 3, 3, a -> stepped(a));
        lib.fn("List.DateTimes", 3, 3, a -> stepped(a));
        lib.fn("List.DateTimeZones", 3, 3, a -> stepped(a));
        lib.fn("List.Times", 3, 3, a -> stepped(a));
    }

    /**
     * How many items a countOrCondition argument covers from the start (or the end): a number, or a condition that
     * holds for the leading (trailing) items; null means the default count.
     */
    static int countOrCondition(MList l, Object arg, boolean fromEnd, int fallback) {
        arg = Values.strip(arg);
        int n = l.size();
        if (arg instanceof MFunction f) {
            int k = 0;
            while (k < n && Values.logical(f.call(l.get(fromEnd ? n - 1 - k : k)))) {
                k++;
            }
            return k;
        }
        int count = arg == null ? fallback : (int) Values.number(arg);
        return Math.max(0, Math.min(n, count));
    }

    static Object positionOf(List<Object> items, Object value, Object occurrence, Object criteria) {
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (Criteria.equal(criteria, items.get(i), value)) {
                found.add((double) i);
            }
        }
        int mode = occurrence == null ? 0 : (int) Values.number(occurrence);
        if (mode == 2) {
            return new MList(found);
        }
        if (found.isEmpty()) {
            return -1.0;
        }
        return mode == 1 ? found.get(found.size() - 1) : found.get(0);
    }

    /** The average of dates, datetimes or durations (null when the list holds something else). */
    static Object temporalAverage(List<Object> items) {
        List<Object> values = items.stream().filter(x -> x != null).toList();
        // any number (a double, or a decimal of a Currency.Type or Decimal.Type column) makes a numeric average
        if (values.isEmpty() || values.stream().anyMatch(x -> x instanceof Number)) {
            return null;
        }
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (Object x : values) {
            sum = sum.add(java.math.BigInteger.valueOf(nanos(x)));
        }
        long mean = sum.divide(java.math.BigInteger.valueOf(values.size())).longValue();
        Object first = values.get(0);
        java.time.LocalDateTime epoch = java.time.LocalDate.of(1970, 1, 1).atStartOfDay();
        if (first instanceof java.time.LocalDate) {
            return epoch.plusNanos(mean).toLocalDate();
        }
        if (first instanceof java.time.LocalDateTime) {
            return epoch.plusNanos(mean);
        }
        if (first instanceof java.time.Duration) {
            return java.time.Duration.ofNanos(mean);
        }
        return null;
    }

    private static long nanos(Object x) {
        if (x instanceof java.time.LocalDate d) {
            return d.toEpochDay() * 86_400_000_000_000L;
        }
        if (x instanceof java.time.LocalDateTime d) {
            return java.time.Duration.between(java.time.LocalDate.of(1970, 1, 1).atStartOfDay(), d).toNanos();
        }
        if (x instanceof java.time.Duration d) {
            return d.toNanos();
        }
        throw Errors.expression("We cannot average the value " + Values.describe(x) + ".");
    }

    private static MList stepped(Object[] a) {
        Object start = Args.v(a, 0);
        java.time.Duration step = (java.time.Duration) Values.strip(Args.v(a, 2));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Args.integer(a, 1); i++) {
            out.add(start instanceof java.time.Duration d ? d.plus(step.multipliedBy(i))
                    : ((java.time.temporal.Temporal) start).plus(step.multipliedBy(i)));
        }
        return new MList(out);
    }

    private static boolean contains(Object x, String needle) {
        x = Values.strip(x);
        if (x instanceof String s) {
            return s.contains(needle);
        }
        if (x instanceof MRecord r) {
            for (int i = 0; i < r.names().size(); i++) {
                if (r.get(i) instanceof String s && s.contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MList replaceRange(List<Object> items, int index, int count, List<Object> with) {
        if (index < 0 || count < 0 || index + count > items.size()) {
            throw Errors.expression("The range is outside the list.");
        }
        List<Object> out = new ArrayList<>(items.subList(0, index));
        out.addAll(with);
        out.addAll(items.subList(index + count, items.size()));
        return new MList(out);
    }

    static int indexOf(List<Object> items, Object x, Object criteria) {
        for (int i = 0; i < items.size(); i++) {
            if (Criteria.equal(criteria, items.get(i), x)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Double> positionsOfAny(Object[] a) {
        List<Object> items = Args.list(a, 0).values(), wanted = Args.list(a, 1).values();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (indexOf(wanted, items.get(i), Args.v(a, 3)) >= 0) {
                out.add((double) i);
            }
        }
        return out;
    }

    /** Occurrence.First (0, default), Occurrence.Last (1) or Occurrence.All (2). */
    private static Object firstOrAll(List<Double> positions, Object[] a) {
        int occurrence = Args.integerOr(a, 2, 0);
        if (occurrence == 2) {
            return new MList(positions);
        }
        return occurrence == 1 ? positions.get(positions.size() - 1) : positions.get(0);
    }

    /** MaxN (sign -1) / MinN (sign 1): a count, or a condition taking items while it holds in sorted order. */
    private static MList extremes(Object[] a, int sign) {
        List<Object> items = new ArrayList<>(Args.list(a, 0).values());
        boolean includeNulls = Args.v(a, 3) instanceof Boolean b && b;
        if (!includeNulls) {
            items.removeIf(x -> x == null);
        }
        Comparator<Object> cmp = Criteria.comparator(Args.v(a, 2));
        Comparator<Object> order = sign < 0 ? cmp.reversed() : cmp;
        IntroSort.sort(items, order);
        Object n = Args.v(a, 1);
        if (n instanceof MFunction f) {
            List<Object> out = new ArrayList<>();
            for (Object x : items) {
                if (!Values.logical(f.call(x))) {
                    break;
                }
                out.add(x);
            }
            return new MList(out);
        }
        return new MList(items.subList(0, Math.min(items.size(), (int) Values.number(n))));
    }
}
