package org.gatehouse.powerquery.impl.lib;

import java.util.function.DoubleUnaryOperator;

import org.gatehouse.powerquery.impl.value.*;

/** Number.* trigonometry and combinatorics; Record.* field reordering and renaming. */
final class NumberMoreFunctions {

    private NumberMoreFunctions() {
    }

    private static void unary(Library lib, String name, DoubleUnaryOperator f) {
        lib.fn(name, 1, 1, a -> Args.v(a, 0) == null ? null : (Object) f.applyAsDouble(Args.number(a, 0)));
    }

    static void register(Library lib) {
        unary(lib, "Number.Sin", Math::sin);
        unary(lib, "Number.Cos", Math::cos);
        unary(lib, "Number.Tan", Math::tan);
        unary(lib, "Number.Asin", Math::asin);
        unary(lib, "Number.Acos", Math::acos);
        unary(lib, "Number.Atan", Math::atan);
        unary(lib, "Number.Sinh", Math::sinh);
        unary(lib, "Number.Cosh", Math::cosh);
        unary(lib, "Number.Tanh", Math::tanh);
        lib.fn("Number.Atan2", 2, 2, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null
                : (Object) Math.atan2(Args.number(a, 0), Args.number(a, 1)));
        lib.fn("Number.Permutations", 2, 2, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null
                : (Object) permutations(Args.integer(a, 0), Args.integer(a, 1)));
        lib.fn("Number.Combinations", 2, 2, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null
                : (Object) (double) Math.round(permutations(Args.integer(a, 0), Args.integer(a, 1))
                        / permutations(Args.integer(a, 1), Args.integer(a, 1))));
        lib.fn("Number.RandomBetween", 2, 2, a -> Args.number(a, 0)
                + Math.random() * (Args.number(a, 1) - Args.number(a, 0)));
        lib.fn("Record.ReorderFields", 2, 3, a -> {
            MRecord r = Args.record(a, 0);
            java.util.List<String> order = CoreFunctions.names(Args.v(a, 1));
            java.util.List<String> names = new java.util.ArrayList<>(r.names());
            int missingField = Args.v(a, 2) == null ? 0 : Args.integer(a, 2); // MissingField.Error, Ignore, UseNull
            if (missingField != 0) {
                java.util.List<String> present = new java.util.ArrayList<>();
                for (String n : order) {
                    if (r.has(n) || missingField == 2) {
                        present.add(n);
                    }
                    if (!r.has(n) && missingField == 2) {
                        names.add(n); // a missing field joins at the end, as null, before the reordering
                    }
                }
                order = present;
            }
            java.util.List<String> known = new java.util.ArrayList<>(names);
            // the listed fields take the places they occupied, in the listed order; others stay put
            java.util.List<Integer> places = new java.util.ArrayList<>();
            for (String n : order) {
                if (!known.contains(n)) {
                    throw Errors.expression("The field '" + n + "' of the record wasn't found.");
                }
                places.add(names.indexOf(n));
            }
            places.sort(null);
            for (int i = 0; i < order.size(); i++) {
                names.set(places.get(i), order.get(i));
            }
            java.util.List<Object> slots = new java.util.ArrayList<>();
            for (String n : names) {
                slots.add(r.has(n) ? r.slot(r.indexOf(n)) : null);
            }
            return new MRecord(names, slots);
        });
        lib.fn("Record.RenameFields", 2, 3, a -> {
            MRecord r = Args.record(a, 0);
            MList renames = Args.list(a, 1);
            java.util.List<Object> pairs = renames.size() > 0 && renames.get(0) instanceof MList ? renames.values()
                    : java.util.List.of(renames);
            java.util.List<String> names = new java.util.ArrayList<>(r.names());
            java.util.List<Object> slots = new java.util.ArrayList<>(r.slots());
            // the reference's missingField: MissingField.Ignore skips a missing field, UseNull includes it as null
            int missing = Args.integerOr(a, 2, 0);
            for (Object p : pairs) {
                MList pair = Values.list(p);
                int i = names.indexOf(Values.text(pair.get(0)));
                if (i < 0) {
                    if (!CoreFunctions.skipsMissingField(missing, Values.text(pair.get(0)))) {
                        names.add(Values.text(pair.get(1)));
                        slots.add(null);
                    }
                    continue;
                }
                names.set(i, Values.text(pair.get(1)));
            }
            return new MRecord(names, slots);
        });
        lib.fn("Record.FromTable", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<Object> values = new java.util.ArrayList<>();
            for (Object row : Values.list(lib.globals().get("Table.ToRecords") instanceof MFunction f ? f.call(t) : null).values()) {
                MRecord r = Values.record(row);
                names.add(Values.text(r.get("Name")));
                values.add(r.slot(r.indexOf("Value")));
            }
            return new MRecord(names, values);
        });
    }

    private static double permutations(int n, int k) {
        if (k < 0 || n < 0 || k > n) {
            throw Errors.expression("The arguments of the function are out of range.");
        }
        double p = 1;
        for (int i = 0; i < k; i++) {
            p *= n - i;
        }
        return p;
    }
}
