package org.gatehouse.powerquery.impl.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.gatehouse.powerquery.impl.value.Errors;

/**
 * M's decimal precision: Decimal.Type and Currency.Type values and {@code Precision.Decimal} operations compute in base
 * ten, so 0.1 + 0.2 is 0.3 and money sums are exact; plain numbers stay doubles. A double joins a decimal operation
 * as .NET converts it, with 15 significant digits (0.1 is 0.1, not the binary fraction nearest to it).
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
        return ofDouble(d);
    }

    /**
     * A double as .NET's decimal conversion makes it, which is what Power Query does when a query types a column as
     * decimal or percentage: 15 significant digits, found by scaling the double by a power of ten in double arithmetic
     * and rounding half to even, without trailing zeros. The scaling step is part of the result: it is why Excel holds
     * -0.0939226519337016 for -17/181 where rounding the exact double would give ...017, and -0.900392156862745 where
     * the double quotient was -0.9003921568627451.
     */
    public static BigDecimal ofDouble(double d) {
        int exponent = Math.getExponent(d) + 1; // the binary exponent as .NET's conversion counts it
        if (d == 0 || exponent < -94) {
            return BigDecimal.ZERO; // too small to reach the 28th decimal place
        }
        if (exponent > 96) {
            throw Errors.expression("The value " + d + " is too large for a decimal number.");
        }
        double scaled = Math.abs(d);
        int power = 14 - ((exponent * 19728) >> 16); // 19728 / 65536 is log10(2): aim at a 15-digit integer
        if (power >= 0) {
            power = Math.min(power, 28);
            scaled *= POWERS_OF_TEN[power];
        } else if (power != -1 || scaled >= 1e15) {
            scaled /= POWERS_OF_TEN[-power];
        } else {
            power = 0;
        }
        if (scaled < 1e14 && power < 28) {
            scaled *= 10;
            power++;
        }
        long digits = (long) Math.rint(scaled);
        if (digits == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal result = BigDecimal.valueOf(d < 0 ? -digits : digits, power).stripTrailingZeros();
        return result.scale() < 0 ? result.setScale(0) : result;
    }

    private static final double[] POWERS_OF_TEN = new double[81];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
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
