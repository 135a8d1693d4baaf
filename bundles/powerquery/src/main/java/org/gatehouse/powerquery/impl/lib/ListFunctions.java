package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** List.* functions. */
final class ListFunctions {

    private ListFunctions() {
    }

    private static final int[] ONE_COLUMN = {0};

    static void register(Library lib) {
        lib.fn("List.Count", 1, 1, a -> (double) Args.list(a, 0).size());
        lib.fn("List.IsEmpty", 1, 1, a -> Args.list(a, 0).size() == 0);
        lib.fn("List.Sum", 1, 2, a -> {
            if (decimalPrecision(a, 1)) {
                return decimalFold("+", Args.list(a, 0).values());
            }
            NumberSum sum = new NumberSum();
            for (Object v : Args.list(a, 0).values()) {
                sum.add(v);
            }
            return sum.result();
        });
        lib.fn("List.Product", 1, 2, a -> {
            if (decimalPrecision(a, 1)) {
                return decimalFold("*", Args.list(a, 0).values());
            }
            Double p = null;
            for (Object v : Args.list(a, 0).values()) {
                if (v != null) {
                    p = (p == null ? 1 : p) * Values.number(v);
                }
            }
            return p;
        });
        lib.fn("List.Average", 1, 2, a -> {
            Object temporalAverage = ListMoreFunctions.temporalAverage(Args.list(a, 0).values());
            if (temporalAverage != null) {
                return temporalAverage;
            }
            if (decimalPrecision(a, 1)) {
                Object total = decimalFold("+", Args.list(a, 0).values());
                long count = Args.list(a, 0).values().stream().filter(v -> v != null).count();
                return total == null ? null : org.gatehouse.powerquery.impl.eval.DecimalArithmetic.apply("/", total, (double) count);
            }
            double sum = 0;
            int n = 0;
            for (Object v : Args.list(a, 0).values()) {
                if (v != null) {
                    sum += Values.number(v);
                    n++;
                }
            }
            return n == 0 ? null : sum / n;
        });
        lib.fn("List.Median", 1, 2, a -> {
            List<Object> v = new ArrayList<>(Args.list(a, 0).values().stream().filter(x -> x != null).toList());
            if (v.isEmpty()) {
                return null;
            }
            v.sort(Values::compare);
            int n = v.size();
            if (n % 2 == 1) {
                return v.get(n / 2);
            }
            // the reference: of an even count the smaller of the two middle items, "unless the list is comprised
            // entirely of datetimes, durations, numbers or times, in which case it returns the average of the two"
            Object lo = v.get(n / 2 - 1), hi = v.get(n / 2);
            if (v.stream().allMatch(x -> x instanceof Double || x instanceof java.math.BigDecimal)) {
                return (Values.number(lo) + Values.number(hi)) / 2;
            }
            if (v.stream().allMatch(x -> x instanceof java.time.LocalDateTime)) {
                return ((java.time.LocalDateTime) lo).plus(java.time.Duration.between((java.time.LocalDateTime) lo,
                        (java.time.LocalDateTime) hi).dividedBy(2));
            }
            if (v.stream().allMatch(x -> x instanceof java.time.LocalTime)) {
                return ((java.time.LocalTime) lo).plus(java.time.Duration.between((java.time.LocalTime) lo,
                        (java.time.LocalTime) hi).dividedBy(2));
            }
            if (v.stream().allMatch(x -> x instanceof java.time.Duration)) {
                return ((java.time.Duration) lo).plus((java.time.Duration) hi).dividedBy(2);
            }
            return lo;
        });
        lib.fn("List.StandardDeviation", 1, 1, a -> {
            List<Object> v = Args.list(a, 0).values().stream().filter(x -> x != null).toList();
            if (v.size() < 2) {
                throw Errors.expression("The standard deviation needs at least two values.");
            }
            double mean = v.stream().mapToDouble(Values::number).average().orElse(0);
            double ss = v.stream().mapToDouble(x -> Math.pow(Values.number(x) - mean, 2)).sum();
            return Math.sqrt(ss / (v.size() - 1)); // sample standard deviation, as M's
        });
        lib.fn("List.Mode", 1, 2, a -> {
            List<Object> v = Args.list(a, 0).values();
            Object criteria = Args.v(a, 1); // the reference's optional equationCriteria
            Object best = null;
            long bestCount = 0;
            for (Object x : v) {
                long count = v.stream().filter(y -> Criteria.equal(criteria, x, y)).count();
                if (count >= bestCount) { // of equally frequent items M returns the last
                    best = x;
                    bestCount = count;
                }
            }
            if (v.isEmpty()) {
                throw Errors.expression("The list is empty.");
            }
            return best;
        });
        lib.fn("List.Max", 1, 4, a -> extreme(Args.list(a, 0), Args.v(a, 1), 1, Args.v(a, 2)));
        lib.fn("List.Min", 1, 4, a -> extreme(Args.list(a, 0), Args.v(a, 1), -1, Args.v(a, 2)));
        lib.fn("List.First", 1, 2, a -> Args.list(a, 0).size() == 0 ? Args.v(a, 1) : Args.list(a, 0).get(0));
        lib.fn("List.Last", 1, 2, a -> {
            MList l = Args.list(a, 0);
            return l.size() == 0 ? Args.v(a, 1) : l.get(l.size() - 1);
        });
        lib.fn("List.FirstN", 2, 2, a -> {
            MList l = Args.list(a, 0);
            if (Args.v(a, 1) instanceof MFunction f) {
                List<Object> out = new ArrayList<>();
                for (Object v : l.values()) {
                    if (!Values.logical(f.call(v))) {
                        break;
                    }
                    out.add(v);
                }
                return new MList(out);
            }
            return new MList(l.slots().subList(0, Math.min(l.size(), Args.integer(a, 1))));
        });
        lib.fn("List.LastN", 2, 2, a -> {
            MList l = Args.list(a, 0);
            return new MList(l.slots().subList(l.size() - ListMoreFunctions.countOrCondition(l, Args.v(a, 1), true, 1), l.size()));
        });
        lib.fn("List.Skip", 1, 2, a -> {
            MList l = Args.list(a, 0);
            return new MList(l.slots().subList(ListMoreFunctions.countOrCondition(l, Args.v(a, 1), false, 1), l.size()));
        });
        lib.fn("List.Range", 2, 3, a -> {
            MList l = Args.list(a, 0);
            int from = Math.min(l.size(), Args.integer(a, 1));
            int to = Args.v(a, 2) == null ? l.size() : Math.min(l.size(), from + Args.integer(a, 2));
            return new MList(l.slots().subList(from, to));
        });
        lib.fn("List.Transform", 2, 2, a -> {
            MFunction f = Args.function(a, 1);
            List<Object> out = new ArrayList<>();
            for (Object slot : Args.list(a, 0).slots()) {
                out.add(new Thunk(() -> f.call(Thunk.force(slot))));
            }
            return new MList(out);
        });
        lib.fn("List.Select", 2, 2, a -> {
            MFunction f = Args.function(a, 1);
            List<Object> out = new ArrayList<>();
            for (Object v : Args.list(a, 0).values()) {
                if (Boolean.TRUE.equals(Values.strip(f.call(v)))) {
                    out.add(v);
                }
            }
            return new MList(out);
        });
        lib.fn("List.RemoveNulls", 1, 1, a -> new MList(Args.list(a, 0).values().stream().filter(v -> v != null).toList()));
        lib.fn("List.Distinct", 1, 2, a -> {
            List<Object> out = new ArrayList<>();
            if (Args.v(a, 1) == null) {
                // plain M equality: a hash of each value instead of comparing it with every value kept
                java.util.Set<GroupKey> seen = new java.util.HashSet<>();
                for (Object v : Args.list(a, 0).values()) {
                    if (seen.add(new GroupKey(new Object[] {v}, ONE_COLUMN))) {
                        out.add(v);
                    }
                }
                return new MList(out);
            }
            for (Object v : Args.list(a, 0).values()) {
                if (out.stream().noneMatch(o -> Criteria.equal(Args.v(a, 1), o, v))) {
                    out.add(v);
                }
            }
            return new MList(out);
        });
        lib.fn("List.Sort", 1, 2, a -> {
            List<Object> items = new ArrayList<>(Args.list(a, 0).values());
            Object order = Args.v(a, 1);
            Comparator<Object> cmp = Values::order;
            if (order instanceof MFunction f) {
                cmp = f.minArity() == 2 ? (x, y) -> (int) Values.number(f.call(x, y))
                        : Comparator.comparing(x -> f.call(x), Values::order);
            } else if (order instanceof Double d && d == 1) {
                cmp = cmp.reversed();
            } else if (order instanceof MList l && l.size() == 2 && Values.strip(l.get(0)) instanceof MFunction key) {
                // "a list containing the key and order" ({each 1 / _, Order.Descending}: List.Sort's reference)
                Comparator<Object> byKey = key.minArity() == 2 ? (x, y) -> (int) Math.signum(Values.number(key.call(x, y)))
                        : Comparator.comparing(x -> key.call(x), Values::order);
                cmp = Values.number(l.get(1)) == 1 ? byKey.reversed() : byKey;
            }
            IntroSort.sort(items, cmp);
            return new MList(items);
        });
        lib.fn("List.Reverse", 1, 1, a -> {
            List<Object> items = new ArrayList<>(Args.list(a, 0).slots());
            java.util.Collections.reverse(items);
            return new MList(items);
        });
        lib.fn("List.Contains", 2, 3, a -> Args.list(a, 0).values().stream().anyMatch(v -> Criteria.equal(Args.v(a, 2), v, Args.v(a, 1))));
        lib.fn("List.ContainsAny", 2, 3, a -> Args.list(a, 1).values().stream().anyMatch(
                x -> Args.list(a, 0).values().stream().anyMatch(v -> Criteria.equal(Args.v(a, 2), v, x))));
        lib.fn("List.ContainsAll", 2, 3, a -> Args.list(a, 1).values().stream().allMatch(
                x -> Args.list(a, 0).values().stream().anyMatch(v -> Criteria.equal(Args.v(a, 2), v, x))));
        lib.fn("List.PositionOf", 2, 4, a -> {
            if (Args.v(a, 2) != null || Args.v(a, 3) != null) { // an occurrence or an equation criteria
                return ListMoreFunctions.positionOf(Args.list(a, 0).values(), Args.v(a, 1), Args.v(a, 2), Args.v(a, 3));
            }
            List<Object> items = Args.list(a, 0).values();
            for (int i = 0; i < items.size(); i++) {
                if (Values.equal(items.get(i), Args.v(a, 1))) {
                    return (double) i;
                }
            }
            return -1.0;
        });
        lib.fn("List.Numbers", 2, 3, a -> {
            double start = Args.number(a, 0), step = Args.v(a, 2) == null ? 1 : Args.number(a, 2);
            return MList.arithmetic(start, step, Math.max(0, Args.integer(a, 1)));
        });
        lib.fn("List.Repeat", 2, 2, a -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Args.integer(a, 1); i++) {
                out.addAll(Args.list(a, 0).slots());
            }
            return new MList(out);
        });
        lib.fn("List.Generate", 3, 4, a -> {
            MFunction initial = Args.function(a, 0), condition = Args.function(a, 1), next = Args.function(a, 2);
            MFunction selector = Args.v(a, 3) == null ? null : Args.function(a, 3);
            List<Object> out = new ArrayList<>();
            for (Object state = initial.call(); Values.logical(condition.call(state)); state = next.call(state)) {
                out.add(selector == null ? state : selector.call(state));
            }
            return new MList(out);
        });
        lib.fn("List.Accumulate", 3, 3, a -> {
            Object state = Args.v(a, 1);
            MFunction f = Args.function(a, 2);
            for (Object v : Args.list(a, 0).values()) {
                state = f.call(state, v);
            }
            return state;
        });
        lib.fn("List.Zip", 1, 1, a -> {
            List<Object> lists = Args.list(a, 0).values();
            int n = lists.stream().mapToInt(l -> Values.list(l).size()).max().orElse(0);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Object> row = new ArrayList<>();
                for (Object l : lists) {
                    MList ml = Values.list(l);
                    row.add(i < ml.size() ? ml.slot(i) : null);
                }
                out.add(new MList(row));
            }
            return new MList(out);
        });
        lib.fn("List.Combine", 1, 1, a -> {
            List<Object> out = new ArrayList<>();
            for (Object l : Args.list(a, 0).values()) {
                out.addAll(Values.list(l).slots());
            }
            return new MList(out);
        });
        // bag semantics, as the reference says: Union "maintains traditional bag semantics, so duplicate values are
        // matched" (an item appears as often as in the list holding it most often), Difference "supports duplicate
        // values" (each item of list2 takes away one equal item of list1); all three take an equation criteria
        lib.fn("List.Union", 1, 2, a -> {
            Object criteria = Args.v(a, 1);
            List<Object> out = new ArrayList<>();
            for (Object l : Args.list(a, 0).values()) {
                List<Object> unmatched = new ArrayList<>(out);
                for (Object v : Values.list(l).values()) {
                    int at = indexOf(unmatched, v, criteria);
                    if (at >= 0) {
                        unmatched.remove(at);
                    } else {
                        out.add(v);
                    }
                }
            }
            return new MList(out);
        });
        lib.fn("List.Difference", 2, 3, a -> {
            Object criteria = Args.v(a, 2);
            List<Object> toRemove = new ArrayList<>(Args.list(a, 1).values());
            List<Object> out = new ArrayList<>();
            for (Object v : Args.list(a, 0).values()) {
                int at = indexOf(toRemove, v, criteria);
                if (at >= 0) {
                    toRemove.remove(at);
                } else {
                    out.add(v);
                }
            }
            return new MList(out);
        });
        lib.fn("List.Intersect", 1, 2, a -> {
            List<Object> lists = Args.list(a, 0).values();
            Object criteria = Args.v(a, 1);
            if (lists.isEmpty()) {
                return MList.of();
            }
            return new MList(Values.list(lists.get(0)).values().stream().filter(v -> lists.stream()
                    .allMatch(l -> indexOf(Values.list(l).values(), v, criteria) >= 0)).toList());
        });
        lib.fn("List.AnyTrue", 1, 1, a -> Args.list(a, 0).values().stream().anyMatch(Boolean.TRUE::equals));
        lib.fn("List.AllTrue", 1, 1, a -> Args.list(a, 0).values().stream().allMatch(Boolean.TRUE::equals));
        lib.fn("List.MatchesAny", 2, 2, a -> Args.list(a, 0).values().stream()
                .anyMatch(v -> Values.logical(Args.function(a, 1).call(v))));
        lib.fn("List.MatchesAll", 2, 2, a -> Args.list(a, 0).values().stream()
                .allMatch(v -> Values.logical(Args.function(a, 1).call(v))));
        lib.fn("List.Single", 1, 1, a -> {
            MList l = Args.list(a, 0);
            // the reference's example gives "too many" for a longer list; an empty one is item access's "weren't enough"
            if (l.size() > 1) {
                throw Errors.expression("There were too many elements in the enumeration to complete the operation.");
            }
            if (l.size() == 0) {
                throw Errors.expression("There weren't enough elements in the enumeration to complete the operation.");
            }
            return l.get(0);
        });
        lib.fn("List.InsertRange", 3, 3, a -> {
            List<Object> out = new ArrayList<>(Args.list(a, 0).slots());
            out.addAll(Args.integer(a, 1), Args.list(a, 2).slots());
            return new MList(out);
        });
        lib.fn("List.RemoveFirstN", 1, 2, a -> {
            MList l = Args.list(a, 0);
            return new MList(l.slots().subList(ListMoreFunctions.countOrCondition(l, Args.v(a, 1), false, 1), l.size()));
        });
        lib.fn("List.RemoveLastN", 1, 2, a -> {
            MList l = Args.list(a, 0);
            return new MList(l.slots().subList(0, l.size() - ListMoreFunctions.countOrCondition(l, Args.v(a, 1), true, 1)));
        });
        lib.fn("List.Dates", 3, 3, a -> {
            List<Object> out = new ArrayList<>();
            java.time.LocalDate d = Convert.toDate(Args.v(a, 0));
            java.time.Duration step = Convert.toDuration(Args.v(a, 2));
            for (int i = 0; i < Args.integer(a, 1); i++) {
                out.add(d.plusDays(step.toDays() * i));
            }
            return new MList(out);
        });
    }

    private static Object extreme(MList list, Object fallback, int sign, Object criteria) {
        Comparator<Object> cmp = Criteria.comparator(criteria);
        Object best = null;
        for (Object v : list.values()) {
            if (v != null && (best == null || sign * cmp.compare(v, best) > 0)) {
                best = v;
            }
        }
        return best == null ? fallback : best;
    }

    /** The position of the first item equal to v under the equation criteria (M equality when null), or -1. */
    private static int indexOf(List<Object> items, Object v, Object criteria) {
        for (int i = 0; i < items.size(); i++) {
            if (Criteria.equal(criteria, items.get(i), v)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the optional precision argument at i is Precision.Decimal (1), as the aggregates' references allow. */
    private static boolean decimalPrecision(Object[] a, int i) {
        return Args.v(a, i) != null && Values.number(Args.v(a, i)) == 1;
    }

    /** The non-null numbers combined with op in decimal arithmetic (Value.Add's Precision.Decimal), null when none. */
    private static Object decimalFold(String op, List<Object> items) {
        Object acc = null;
        for (Object v : items) {
            if (v != null) {
                acc = acc == null ? org.gatehouse.powerquery.impl.eval.DecimalArithmetic.apply("+", 0.0, v)
                        : org.gatehouse.powerquery.impl.eval.DecimalArithmetic.apply(op, acc, v);
            }
        }
        return acc;
    }
}
