package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.syntax.Expr;
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
            return new MType("list", false, null, null, null, build(l.item(), env));
        }
        if (spec instanceof Expr.RecordType r) {
            List<String> names = new ArrayList<>();
            List<MType> types = new ArrayList<>();
            for (Expr.FieldSpec f : r.fields()) {
                names.add(f.name());
                types.add(build(f.type(), env));
            }
            return MType.record(names, types);
        }
        if (spec instanceof Expr.TableType t) {
            MType row = build(t.rowType(), env);
            return MType.table(row.fieldNames(), row.fieldTypes());
        }
        if (spec instanceof Expr.FunctionType) {
            return MType.primitive("function");
        }
        return Values.type(Evaluator.eval(spec, env));
    }
}
