package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gatehouse.powerquery.impl.value.*;

/** Number.* and the Int64/Currency/... From conversions. */
final class NumberFunctions {

    private NumberFunctions() {
    }

    interface NumberOp {
        Object apply(double x, Object[] a);
    }

    private static void number(Library lib, String name, int min, int max, NumberOp op) {
        lib.fn(name, min, max, a -> Args.v(a, 0) == null ? null : op.apply(Args.number(a, 0), a));
    }

    static void register(Library lib) {
        lib.fn("Number.From", 1, 2, a -> CultureConvert.ofArgument(Args.v(a, 1)).to(Args.v(a, 0), MType.NUMBER));
        lib.fn("Number.FromText", 1, 2, a -> Args.v(a, 0) == null ? null
                : CultureNumbers.parse(Args.text(a, 0), Culture.ofArgument(Args.v(a, 1))));
        for (String f : new String[] {"Int64", "Int32", "Int16", "Int8", "Byte", "Currency", "Decimal", "Double",
                "Single", "Percentage"}) {
            MType t = MType.facet("number", f);
            lib.fn(f + ".From", 1, 3, a -> {
                CultureConvert convert = CultureConvert.ofArgument(Args.v(a, 1));
                if (Args.v(a, 2) == null || Args.v(a, 0) == null) {
                    return convert.to(Args.v(a, 0), t);
                }
                return roundedTo(f, Convert.toNumber(convert.to(Args.v(a, 0), MType.NUMBER)), Args.integer(a, 2));
            });
        }
        number(lib, "Number.ToText", 1, 3, (x, a) -> CultureNumbers.format(x, Args.textOrNull(a, 1),
                Culture.ofArgument(Args.v(a, 2))));
        number(lib, "Number.Round", 1, 3, (x, a) -> round(x, Args.integerOr(a, 1, 0), Args.integerOr(a, 2, 4)));
        number(lib, "Number.RoundUp", 1, 2, (x, a) -> scaled(x, Args.integerOr(a, 1, 0), Math::ceil));
        number(lib, "Number.RoundDown", 1, 2, (x, a) -> scaled(x, Args.integerOr(a, 1, 0), Math::floor));
        number(lib, "Number.RoundTowardZero", 1, 2, (x, a) -> scaled(x, Args.integerOr(a, 1, 0), v -> v < 0 ? Math.ceil(v) : Math.floor(v)));
        number(lib, "Number.RoundAwayFromZero", 1, 2, (x, a) -> Double.isFinite(x) // not a tie rule: any fraction moves outward
                ? BigDecimal.valueOf(x).setScale(Args.integerOr(a, 1, 0), RoundingMode.UP).doubleValue() : x);
        number(lib, "Number.Abs", 1, 1, (x, a) -> Math.abs(x));
        number(lib, "Number.Sign", 1, 1, (x, a) -> Math.signum(x));
        number(lib, "Number.Sqrt", 1, 1, (x, a) -> Math.sqrt(x));
        number(lib, "Number.Exp", 1, 1, (x, a) -> Math.exp(x));
        number(lib, "Number.Ln", 1, 1, (x, a) -> Math.log(x));
        number(lib, "Number.Log10", 1, 1, (x, a) -> Math.log10(x));
        number(lib, "Number.Log", 1, 2, (x, a) -> Args.v(a, 1) == null ? Math.log(x) : Args.number(a, 1) == 10 ? Math.log10(x) : Math.log(x) / Math.log(Args.number(a, 1)));
        number(lib, "Number.Power", 2, 2, (x, a) -> Math.pow(x, Args.number(a, 1)));
        lib.fn("Number.Mod", 2, 3, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null : modulo(a));
        number(lib, "Number.IntegerDivide", 2, 3, (x, a) -> Args.v(a, 1) == null ? null : truncate(x / Args.number(a, 1)));
        number(lib, "Number.IsEven", 1, 1, (x, a) -> x % 2 == 0);
        number(lib, "Number.IsOdd", 1, 1, (x, a) -> Math.abs(x % 2) == 1);
        number(lib, "Number.IsNaN", 1, 1, (x, a) -> Double.isNaN(x));
        number(lib, "Number.Factorial", 1, 1, (x, a) -> {
            double r = 1;
            for (int i = 2; i <= x; i++) {
                r *= i;
            }
            return r;
        });
        lib.value("Number.PI", Math.PI);
        lib.value("Number.E", Math.E);
        lib.value("Number.Epsilon", Double.MIN_VALUE);
        lib.value("Number.MaxValue", Double.MAX_VALUE);
        lib.value("Number.MinValue", -Double.MAX_VALUE);
        lib.value("Number.NaN", Double.NaN);
        lib.value("Number.PositiveInfinity", Double.POSITIVE_INFINITY);
        lib.value("Number.NegativeInfinity", Double.NEGATIVE_INFINITY);
        lib.fn("Number.Random", 0, 0, a -> Math.random());
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    private static double scaled(double x, int digits, java.util.function.DoubleUnaryOperator f) {
        double scale = Math.pow(10, digits);
        return f.applyAsDouble(x * scale) / scale;
    }

    /** Int64.From(x, culture, roundingMode) and the like: whole numbers (4 digits for Currency) by the given mode. */
    private static Object roundedTo(String facet, double x, int mode) {
        return switch (facet) {
            case "Int64", "Int32", "Int16", "Int8", "Byte" -> round(x, 0, mode);
            case "Currency" -> round(x, 4, mode);
            default -> x;
        };
    }

    /** M's default rounding is half to even (RoundingMode.ToEven = 4). */
    static double round(double x, int digits, int mode) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        RoundingMode rm = switch (mode) {
            case 0 -> RoundingMode.HALF_UP;
            case 1 -> RoundingMode.HALF_DOWN;
            case 2 -> RoundingMode.HALF_UP;
            case 3 -> RoundingMode.HALF_DOWN;
            default -> RoundingMode.HALF_EVEN;
        };
        if (mode == 0 && x < 0) {
            rm = RoundingMode.HALF_DOWN; // "Up" means toward positive infinity on ties
        }
        if (mode == 1 && x < 0) {
            rm = RoundingMode.HALF_UP;
        }
        return BigDecimal.valueOf(x).setScale(digits, rm).doubleValue();
    }

    /** Number.Mod; with Precision.Decimal (1) in base ten, so 10.5 mod 0.2 is exactly 0.1. */
    private static Object modulo(Object[] a) {
        if (Args.v(a, 2) != null && Args.number(a, 2) == 1) {
            BigDecimal x = Convert.toDecimal(Args.v(a, 0)), y = Convert.toDecimal(Args.v(a, 1));
            if (y.signum() != 0) {
                return x.remainder(y);
            }
        }
        return Args.number(a, 0) % Args.number(a, 1);
    }
}
