package org.gatehouse.powerquery.impl.value;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.junit.Test;

/** Decimals become doubles as .NET's Decimal.ToDouble makes them: mantissa to double, then divided by 10^scale. */
public class DotNetDecimalsTest {

    private static double convert(String decimal) {
        return DotNetDecimals.toDouble(new BigDecimal(decimal));
    }

    @Test
    public void shortDecimalsConvertExactlyAsTheNearestDouble() {
        assertEquals(0.1, convert("0.1"), 0);
        assertEquals(123.45, convert("123.45"), 0);
        assertEquals(-19.99, convert("-19.99"), 0);
        assertEquals(1000.0, convert("1E+3"), 0);
        assertEquals(0.0, convert("0"), 0);
    }

    @Test
    public void aLongQuotientRoundsTwiceAsDotNetDoes() {
        BigDecimal quotient = new BigDecimal(2188000).divide(new BigDecimal(23), new MathContext(28, RoundingMode.HALF_EVEN));
        assertEquals("95130.43478260869565217391304", quotient.toPlainString());
        assertEquals(95130.43478260869, quotient.doubleValue(), 0); // the nearest double
        assertEquals(95130.4347826087, DotNetDecimals.toDouble(quotient), 0);
        assertEquals(95130.4347826087, Values.number(quotient), 0);
    }

    @Test
    public void aMantissaAbove64BitsUsesItsHighWord() {
        assertEquals(-1.234567890123457e19, convert("-12345678901234567890.123456789"), 0);
        assertEquals(-1.2345678901234567e19, new BigDecimal("-12345678901234567890.123456789").doubleValue(), 0);
    }

    @Test
    public void moreDigitsThanADecimalHoldsAreRoundedFirst() {
        // 31 places: .NET keeps 28
        assertEquals(convert("0.1234567890123456789012345679"), convert("0.1234567890123456789012345678901"), 0);
        // a number beyond the decimal range converts as the nearest double
        assertEquals(1e40, convert("1E+40"), 0);
    }
}
