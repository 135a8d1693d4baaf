package org.gatehouse.powerquery.impl.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.gatehouse.powerquery.impl.value.Errors;

/**
 * M's decimal precision: Decimal.Type and Currency.Type values and {@code Precision.Decimal} operations compute in base
 * ten, so 0.1 + 0.2 is 0.3 and money sums are exact; plain numbers stay doubles. A double joins a decimal operation
 * by its shortest decimal form (0.1 is 0.1, not the binary fraction nearest to it).
 */
public final class DecimalArithmetic {

    /** .NET's System.Decimal, which Power Query computes with, keeps 28 significant digits in a quotient. */
    private static final MathContext QUOTIENT = new MathContext(28, RoundingMode.HALF_EVEN);

    private DecimalArithmetic() {
    }

    public static BigDecimal decimal(Object number) {
        if (number instanceof BigDecimal b) {
            return b;
        }
        double d = (Double) number;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw Errors.expression("We cannot convert the value " + d + " to a decimal number.");
        }
        return BigDecimal.valueOf(d);
    }

    /** {@code l op r} for two numbers in decimal precision; op is one of + - * /. */
    public static BigDecimal apply(String op, Object l, Object r) {
        BigDecimal a = decimal(l);
        BigDecimal b = decimal(r);
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            default -> {
                if (b.signum() == 0) {
                    throw Errors.expression("Division by zero in decimal precision.");
                }
                yield a.divide(b, QUOTIENT);
            }
        };
    }
}
