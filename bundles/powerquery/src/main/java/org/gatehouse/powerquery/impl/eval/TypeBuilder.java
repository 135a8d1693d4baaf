package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;

/** Turns the type language of a {@code type} expression into a type value. */
final class TypeBuilder {

    private TypeBuilder() {
    }

    static MType build(Expr spec, Env env) {
        if (spec instanceof Expr.PrimitiveType p) {
            return MType.primitive(p.name());
        }
        if (spec instanceof Expr.NullableType n) {
            return build(n.inner(), env).asNullable();
        }
        if (spec instanceof Expr.ListType l) {
            return MType.list(build(l.item(), env));
        }
        if (spec instanceof Expr.RecordType r) {
            List<String> names = new ArrayList<>();
            List<MType> types = new ArrayList<>();
            Set<String> optional = new HashSet<>();
            for (Expr.FieldSpec f : r.fields()) {
                names.add(f.name());
                types.add(f.type() == null ? MType.ANY : build(f.type(), env));
                if (f.optional()) {
                    optional.add(f.name());
                }
            }
            return MType.record(names, types, optional, r.open());
        }
        if (spec instanceof Expr.TableType t) {
            MType row = build(t.rowType(), env);
            if (!row.kind().equals("record")) {
                throw Errors.expression("A table type needs a record type for its rows, not " + row + ".");
            }
            return MType.table(row.fieldList(), row.typeList());
        }
        if (spec instanceof Expr.FunctionType f) {
            return function(f.parameters(), f.returnType(), env);
        }
        return Values.type(Evaluator.eval(spec, env));
    }

    /** The type of a function with these parameters; a parameter or return without an assertion is {@code any}. */
    static MType function(List<Expr.Parameter> parameters, Expr returnType, Env env) {
        List<String> names = new ArrayList<>();
        List<MType> types = new ArrayList<>();
        int required = 0;
        for (Expr.Parameter p : parameters) {
            names.add(p.name());
            types.add(p.type() == null ? MType.ANY : build(p.type(), env));
            if (!p.optional()) {
                required++;
            }
        }
        return MType.function(names, types, required, returnType == null ? MType.ANY : build(returnType, env));
    }
}
