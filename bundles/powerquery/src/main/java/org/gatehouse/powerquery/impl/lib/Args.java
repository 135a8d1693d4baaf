package org.gatehouse.powerquery.impl.lib;

import org.gatehouse.powerquery.impl.value.*;

/** Typed access to library function arguments, raising M's conversion errors. */
final class Args {

    private Args() {
    }

    static Object v(Object[] a, int i) {
        return i < a.length ? Values.strip(a[i]) : null;
    }

    static String text(Object[] a, int i) {
        return Values.text(v(a, i));
    }

    static String textOrNull(Object[] a, int i) {
        Object x = v(a, i);
        return x == null ? null : Values.text(x);
    }

    static double number(Object[] a, int i) {
        return Values.number(v(a, i));
    }

    static int integer(Object[] a, int i) {
        return (int) Values.number(v(a, i));
    }

    static int integerOr(Object[] a, int i, int fallback) {
        Object x = v(a, i);
        return x == null ? fallback : (int) Values.number(x);
    }

    static MList list(Object[] a, int i) {
        return Values.list(v(a, i));
    }

    static MTable table(Object[] a, int i) {
        return Values.table(v(a, i));
    }

    static MRecord record(Object[] a, int i) {
        return Values.record(v(a, i));
    }

    static MRecord recordOrEmpty(Object[] a, int i) {
        Object x = v(a, i);
        return x instanceof MRecord r ? r : MRecord.of();
    }

    static MFunction function(Object[] a, int i) {
        return Values.function(v(a, i));
    }

    static Object option(MRecord options, String name) {
        return options.has(name) ? options.get(name) : null;
    }

    static Double d(double x) {
        return x;
    }
}
