package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.math.BigDecimal;
import java.util.List;

import org.gatehouse.api.ColumnType;
import org.junit.Test;

/** Decimal.Type and Currency.Type values and Precision.Decimal compute in base ten; type number stays double. */
public class DecimalPrecisionTest {

    private static QueryResult eval(String expression) {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", new LocalFileAccess());
        assertFalse(String.valueOf(r.error()), r.failed());
        return r;
    }

    private static Object single(String expression) {
        return eval(expression).rows().get(0).get(0);
    }

    @Test
    public void precisionDecimalAddsInBaseTen() {
        assertEquals(true, single("Value.Add(0.1, 0.2, Precision.Decimal) = 0.3"));
        assertEquals(false, single("Value.Add(0.1, 0.2) = 0.3"));
        assertEquals(false, single("0.1 + 0.2 = 0.3"));
        assertEquals(true, single("Value.Multiply(1.1, 1.1, Precision.Decimal) = 1.21"));
        assertEquals(true, single("Value.Subtract(0.3, 0.1, Precision.Decimal) = 0.2"));
    }

    @Test
    public void decimalQuotientsKeepTwentyEightDigits() {
        QueryResult r = eval("Table.FromRows({{Value.Divide(1, 3, Precision.Decimal)}}, type table [A = Decimal.Type])");
        assertEquals(ColumnType.DECIMAL, r.columns().get(0).type());
        assertEquals(new BigDecimal("0.3333333333333333333333333333"), r.rows().get(0).get(0));
    }

    @Test
    public void decimalAndCurrencyColumnsSumExactlyAndNumberColumnsDoNot() {
        String column = "Table.TransformColumnTypes(Csv.Document(\"0.1#(lf)0.2#(lf)0.00005\"), {{\"Column1\", %s}})";
        assertEquals(true, single("List.Sum(Table.FirstN(" + column.formatted("Decimal.Type") + ", 2)[Column1]) = 0.3"));
        assertEquals(true, single("List.Sum(Table.FirstN(" + column.formatted("Currency.Type") + ", 2)[Column1]) = 0.3"));
        assertEquals(false, single("List.Sum(Table.FirstN(" + column.formatted("type number") + ", 2)[Column1]) = 0.3"));
        // two decimal operands stay decimal under the operators too
        assertEquals(true, single("Decimal.From(\"0.1\") + Decimal.From(\"0.2\") = 0.3"));

        QueryResult currency = eval(column.formatted("Currency.Type"));
        assertEquals(ColumnType.DECIMAL, currency.columns().get(0).type());
        // four decimal places, rounded half to even
        assertEquals(List.of(List.of(new BigDecimal("0.1000")), List.of(new BigDecimal("0.2000")),
                List.of(new BigDecimal("0.0000"))), currency.rows());
    }

    @Test
    public void groupedDecimalSumsAreDecimal() {
        QueryResult r = eval("Table.Group(Table.TransformColumnTypes(Csv.Document(\"a,0.1#(lf)a,0.2\"),"
                + " {{\"Column2\", Decimal.Type}}), {\"Column1\"}, {{\"s\", each List.Sum([Column2]), Decimal.Type}})");
        assertEquals(new BigDecimal("0.3"), r.rows().get(0).get(1));
    }

    /**
     * A double becomes a decimal as in .NET: 15 significant digits, found by scaling in double arithmetic. Excel's
     * loaded tables hold these values for decimal and percentage columns computed from doubles.
     */
    @Test
    public void doublesBecomeDecimalsWithFifteenDigitsAsInDotNet() {
        assertEquals("-0.0939226519337016", single("Text.From(Decimal.From(-17 / 181))"));
        assertEquals("0.1", single("Text.From(Decimal.From(0.1))"));
        assertEquals("123456789012346", single("Text.From(Decimal.From(123456789012345.6))"));
        assertEquals("0.333333333333333", single("Text.From(Decimal.From(1 / 3))"));
        QueryResult percent = eval("Table.TransformColumnTypes(#table({\"m\"}, {{-338 / 359}}), {{\"m\", Percentage.Type}})");
        // -0.9415041782729805 scales to ...980.5, and half to even drops it: Excel holds -0.94150417827298
        assertEquals(-0.94150417827298, percent.rows().get(0).get(0));
    }
}
