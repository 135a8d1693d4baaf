package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.TableKey;
import org.gatehouse.powerquery.impl.value.Values;

/** Type.*: taking custom types apart and building them (record fields, function signatures, table rows and keys). */
final class TypeFunctions {

    private TypeFunctions() {
    }

    static void register(Library lib) {
        nullability(lib);
        records(lib);
        functions(lib);
        tables(lib);
        lib.fn("Type.ListItem", 1, 1, a -> {
            MType t = ofKind(a, "list");
            return t.item() == null ? MType.ANY : t.item();
        });
        lib.fn("Type.Union", 1, 1, a -> union(Args.list(a, 0)));
        lib.fn("Type.Facets", 1, 1, a -> TableSchema.facets(type(a, 0)));
        lib.fn("Type.ReplaceFacets", 2, 2, a -> {
            MType t = type(a, 0);
            return t.withFacets(t.facets().replacedBy(Args.record(a, 1)));
        });
    }

    private static void nullability(Library lib) {
        lib.fn("Type.Is", 2, 2, a -> type(a, 0).isCompatibleWith(type(a, 1)));
        lib.fn("Type.IsNullable", 1, 1, a -> type(a, 0).nullable());
        lib.fn("Type.NonNullable", 1, 1, a -> type(a, 0).nonNullable());
    }

    private static void records(Library lib) {
        lib.fn("Type.RecordFields", 1, 1, a -> {
            MType t = ofKind(a, "record");
            List<Object> descriptions = new ArrayList<>();
            for (int i = 0; i < t.fieldList().size(); i++) {
                descriptions.add(MRecord.of("Type", t.typeList().get(i), "Optional", t.isOptional(t.fieldList().get(i))));
            }
            return new MRecord(t.fieldList(), descriptions);
        });
        // the specification builds list types this way: Type.ForList({type number}) is type {number}
        lib.fn("Type.ForList", 1, 1, a -> {
            MList items = Args.list(a, 0);
            if (items.size() != 1) {
                throw Errors.expression("Type.ForList expects a list holding exactly one item type.");
            }
            return MType.list(Values.type(items.get(0)));
        });
        lib.fn("Type.ForRecord", 2, 2, a -> {
            MRecord fields = Args.record(a, 0);
            List<MType> types = new ArrayList<>();
            Set<String> optional = new HashSet<>();
            for (int i = 0; i < fields.names().size(); i++) {
                MRecord field = Values.record(fields.get(i));
                types.add(field.has("Type") ? Values.type(field.get("Type")) : MType.ANY);
                if (field.has("Optional") && Values.logical(field.get("Optional"))) {
                    optional.add(fields.names().get(i));
                }
            }
            return MType.record(fields.names(), types, optional, Values.logical(Args.v(a, 1)));
        });
        lib.fn("Type.IsOpenRecord", 1, 1, a -> ofKind(a, "record").isOpenRecord());
        lib.fn("Type.OpenRecord", 1, 1, a -> ofKind(a, "record").withOpen(true));
        lib.fn("Type.ClosedRecord", 1, 1, a -> ofKind(a, "record").withOpen(false));
    }

    private static void functions(Library lib) {
        lib.fn("Type.ForFunction", 2, 2, a -> {
            MRecord signature = Args.record(a, 0);
            if (!signature.has("ReturnType") || !signature.has("Parameters")) {
                throw Errors.expression("A function signature is a record with the fields ReturnType and Parameters.");
            }
            MRecord parameters = Values.record(signature.get("Parameters"));
            List<MType> types = new ArrayList<>();
            for (int i = 0; i < parameters.names().size(); i++) {
                types.add(Values.type(parameters.get(i)));
            }
            int required = Args.integer(a, 1);
            if (required < 0 || required > types.size()) {
                throw Errors.expression("The minimum number of arguments must be between 0 and " + types.size() + ".");
            }
            return MType.function(parameters.names(), types, required, Values.type(signature.get("ReturnType")));
        });
        lib.fn("Type.FunctionParameters", 1, 1, a -> {
            MType t = ofKind(a, "function");
            return new MRecord(t.fieldList(), t.typeList());
        });
        lib.fn("Type.FunctionRequiredParameters", 1, 1, a -> (double) ofKind(a, "function").requiredParameters());
        lib.fn("Type.FunctionReturn", 1, 1, a -> {
            MType t = ofKind(a, "function");
            return t.returnType() == null ? MType.ANY : t.returnType();
        });
    }

    private static void tables(Library lib) {
        lib.fn("Type.TableRow", 1, 1, a -> {
            MType t = ofKind(a, "table");
            return t.fieldNames() == null ? MType.primitive("record") : MType.record(t.fieldList(), t.typeList());
        });
        lib.fn("Type.TableColumn", 2, 2, a -> {
            MType t = ofKind(a, "table");
            int i = t.fieldList().indexOf(Args.text(a, 1));
            if (i < 0) {
                throw Errors.expression("The column '" + Args.text(a, 1) + "' of the table wasn't found.");
            }
            return t.typeList().get(i);
        });
        lib.fn("Type.TableKeys", 1, 1, a -> TableKey.toList(ofKind(a, "table").keys()));
        lib.fn("Type.AddTableKey", 3, 3, a -> {
            MType t = ofKind(a, "table");
            List<TableKey> keys = new ArrayList<>(t.keys());
            keys.add(TableKey.of(Args.list(a, 1), Values.logical(Args.v(a, 2)), t.fieldNames()));
            return t.withKeys(TableKey.withOnePrimary(keys));
        });
        lib.fn("Type.ReplaceTableKeys", 2, 2, a -> {
            MType t = ofKind(a, "table");
            return t.withKeys(TableKey.fromList(Args.list(a, 1), t.fieldNames()));
        });
        lib.fn("Type.TableSchema", 1, 1, a -> TableSchema.of(ofKind(a, "table")));
    }

    /** The union of types: the common type when they agree (nullable if any is), else any. */
    private static MType union(MList types) {
        MType common = null;
        boolean nullable = false;
        for (Object item : types.values()) {
            MType t = Values.type(item);
            nullable |= t.nullable();
            if (t.kind().equals("null") || t.kind().equals("none")) {
                continue;
            }
            if (common != null && !common.equals(t.nonNullable())) {
                return MType.ANY;
            }
            common = t.nonNullable();
        }
        if (common == null) {
            return nullable ? MType.NULL : MType.primitive("none");
        }
        return nullable ? common.asNullable() : common;
    }

    private static MType type(Object[] a, int i) {
        return Values.type(Args.v(a, i));
    }

    /** The type argument, which must be of the given kind (a record type for Type.RecordFields...). */
    static MType ofKind(Object[] a, String kind) {
        MType t = type(a, 0);
        if (!t.kind().equals(kind)) {
            throw Errors.expression("The type " + t + " is not a " + kind + " type.");
        }
        return t;
    }
}
