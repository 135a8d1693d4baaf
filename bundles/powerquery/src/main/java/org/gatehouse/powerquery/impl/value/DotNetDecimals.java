package org.gatehouse.powerquery.impl.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A decimal-precision number (Decimal.Type, Currency.Type) turned into a double the way .NET's {@code Decimal.ToDouble}
 * does it, which is how Power Query hands a decimal to anything that wants a double: a {@code type number} column
 * loaded into Excel, or a decimal meeting a double in arithmetic.
 * <p>
 * .NET converts the 96-bit mantissa to a double (the low 64 bits plus the high 32 times 2^64) and then divides by ten
 * to the scale. That is two roundings, so a long quotient such as a currency amount divided by 23 can end one or two
 * doubles away from the nearest one (2188000/23 with 28 digits gives 95130.4347826087, the nearest double is
 * 95130.43478260869). Numbers of up to 15 digits, like most money amounts, convert exactly either way.
 */
public final class DotNetDecimals {

    /** The largest scale (digits after the point) a .NET decimal has. */
    private static final int MAX_SCALE = 28;
    private static final int MANTISSA_BITS = 96;
    private static final double TWO_TO_64 = 18446744073709551616.0;
    private static final double[] POWERS_OF_TEN = new double[MAX_SCALE + 1];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
    }

    private DotNetDecimals() {
    }

    public static double toDouble(BigDecimal value) {
        BigDecimal d = asDotNetDecimal(value);
        if (d == null) {
            return value.doubleValue(); // beyond .NET's decimal range: no .NET behaviour to follow
        }
        BigInteger mantissa = d.unscaledValue().abs();
        double low = unsignedToDouble(mantissa.longValue());
        double high = mantissa.shiftRight(64).longValue();
        double magnitude = (low + high * TWO_TO_64) / POWERS_OF_TEN[d.scale()];
        return d.signum() < 0 ? -magnitude : magnitude;
    }

    /** The value as a .NET decimal holds it (scale 0..28, mantissa under 2^96), or null when it cannot be one. */
    private static BigDecimal asDotNetDecimal(BigDecimal value) {
        BigDecimal d = value.scale() < 0 ? value.setScale(0) : value;
        if (d.scale() > MAX_SCALE) {
            d = d.setScale(MAX_SCALE, RoundingMode.HALF_EVEN);
        }
        while (d.unscaledValue().abs().bitLength() > MANTISSA_BITS) {
            if (d.scale() == 0) {
                return null;
            }
            d = d.setScale(d.scale() - 1, RoundingMode.HALF_EVEN);
        }
        return d;
    }

    /** An unsigned 64-bit integer as the nearest double, as .NET's ulong-to-double conversion rounds it. */
    private static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // halve, keeping the lost bit as a sticky bit so the single rounding still goes to the nearest double
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
