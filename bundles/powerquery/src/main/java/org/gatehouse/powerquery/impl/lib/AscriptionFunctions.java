package org.gatehouse.powerquery.impl.lib;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.AscribedFunction;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;
import org.gatehouse.powerquery.impl.value.WithMeta;

/** Giving values a type: Value.ReplaceType (the spec's "ascribed type") and Function.From. */
final class AscriptionFunctions {

    /** Types no value can be ascribed, since no value is directly of them. */
    private static final Set<String> ABSTRACT = Set.of("any", "anynonnull", "none", "function", "table");

    private AscriptionFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Value.ReplaceType", 2, 2, a -> {
            Object typed = replaceType(Args.v(a, 0), Values.type(Args.v(a, 1)));
            return a[0] instanceof WithMeta m ? new WithMeta(typed, m.metadata()) : typed;
        });
        lib.fn("Function.From", 2, 2, a -> {
            MType type = Values.type(Args.v(a, 0));
            if (!type.kind().equals("function") || type.fieldNames() == null) {
                throw Errors.expression("Function.From needs a function type with parameters, not " + type + ".");
            }
            MFunction unary = Args.function(a, 1);
            // the new function takes the type's parameters and hands them to the unary function as one list
            Builtin packing = new Builtin(unary.name(), type.requiredParameters(), type.fieldList().size(),
                    args -> unary.call(new MList(Arrays.asList(args.clone()))));
            return AscribedFunction.trusted(packing, type);
        });
        lib.fn("Function.ScalarVector", 2, 2, a -> {
            MType type = Values.type(Args.v(a, 0));
            if (!type.kind().equals("function") || type.fieldNames() == null) {
                throw Errors.expression("Function.ScalarVector needs a function type with parameters, not " + type + ".");
            }
            return scalarVector(type, Args.function(a, 1));
        });
    }

    /**
     * Function.ScalarVector's scalar function: each call hands the vector function a one-row table of its arguments
     * (columns named as the type's parameters) and returns the single item of the list it gives back. Calling it once
     * per row is what the reference describes for a single call; batching rows is an optimisation we don't need.
     */
    private static MFunction scalarVector(MType type, MFunction vector) {
        List<String> parameters = type.fieldList();
        Builtin scalar = new Builtin(vector.name(), type.requiredParameters(), parameters.size(), args -> {
            Object[] row = Arrays.copyOf(args, parameters.size());
            MList results = Values.list(vector.call(new MTable(parameters, null, List.<Object[]>of(row))));
            if (results.size() != 1) {
                throw Errors.expression("The vector function of Function.ScalarVector returned " + results.size()
                        + " values for one row.");
            }
            return results.get(0);
        });
        return AscribedFunction.trusted(scalar, type);
    }

    /**
     * The spec's limited conformance check: the type must be non-abstract, non-nullable and of the value's kind, and a
     * structured type must match the value's structure; field and column names then come from the type.
     */
    static Object replaceType(Object value, MType type) {
        if ((ABSTRACT.contains(type.kind()) && !type.isCustom()) || (type.nullable() && value != null)) {
            throw Errors.expression("The type " + type + " cannot be ascribed to a value: it is abstract or nullable.");
        }
        if (!type.accepts(value)) {
            throw Errors.cannotConvert(value, type.toString());
        }
        if (!type.isCustom()) {
            return value;
        }
        if (value instanceof MRecord r) {
            return ascribe(r, type);
        }
        if (value instanceof MTable t) {
            return t.retyped(type.fieldList(), type.typeList(), type.keys());
        }
        if (value instanceof MList l) {
            return l.withType(type);
        }
        return AscribedFunction.of((MFunction) value, type);
    }

    private static MRecord ascribe(MRecord r, MType type) {
        if (type.open() || !type.optionalFields().isEmpty() || type.fieldList().size() != r.names().size()) {
            throw Errors.expression("A record type ascribed to a record must be closed, without optional fields, and"
                    + " have the record's " + r.names().size() + " fields: " + type + ".");
        }
        return r.withType(type);
    }
}
