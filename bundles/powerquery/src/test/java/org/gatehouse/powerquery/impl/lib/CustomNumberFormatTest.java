package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Number.ToText with custom numeric format strings: the outputs the M reference page "Custom numeric format strings"
 * gives for its examples (DotNetNumberFormat). Before, the pictures went to Java's DecimalFormat, which grouped
 * "#,#" by one digit, put literals after the number ("(###) ###-####") and refused scaling commas, ";" sections,
 * "\" escapes and "0.###E+0".
 */
public class CustomNumberFormatTest {

    private static void text(String expected, String expression) {
        same("\"" + expected + "\"", expression);
    }

    @Test
    public void placeholdersAndLiterals() {
        text("00123", "Number.ToText(123, \"00000\", \"\")");
        text("01,20", "Number.ToText(1.2, \"00.00\", \"da-DK\")");
        text("0.6", "Number.ToText(.56, \"0.0\", \"\")");
        text("1.2", "Number.ToText(1.2, \"#.##\", \"\")");
        text("[12-34-56]", "Number.ToText(123456, \"[##-##-##]\")");
        text("1234567890", "Number.ToText(1234567890, \"#\")");
        text("(123) 456-7890", "Number.ToText(1234567890, \"(###) ###-####\")");
        text("My Number = 42", "Number.ToText(42, \"My Number = #\")");
        text("123.8K", "Number.ToText(123.8, \"#,##0.0K\")");
        // the integer digits still show when only the fraction has placeholders
        text("12.50", "Number.ToText(12.5, \".00\")");
        text(".5", "Number.ToText(0.5, \"#.##\")");
    }

    @Test
    public void groupsAndScaling() {
        text("1,234,567,890", "Number.ToText(1234567890, \"0,0\", \"\")");
        text("1.234.567.890", "Number.ToText(1234567890, \"0,0\", \"el-GR\")");
        text("1,234,567,890.1", "Number.ToText(1234567890.123456, \"0,0.0\", \"\")");
        text("1,234.57", "Number.ToText(1234.567890, \"0,0.00\", \"\")");
        text("1,234,567,890", "Number.ToText(1234567890, \"#,#\", \"\")");
        text("1235", "Number.ToText(1234567890, \"#,,\", \"\")");
        text("1", "Number.ToText(1234567890, \"#,,,\", \"\")");
        text("1,235", "Number.ToText(1234567890, \"#,##0,,\", \"\")");
    }

    @Test
    public void percentsExponentsAndEscapes() {
        text("8.6%", "Number.ToText(.086, \"#0.##%\", \"\")");
        text("8.6E+4", "Number.ToText(86000, \"0.###E+0\", \"\")");
        text("8.6E+004", "Number.ToText(86000, \"0.###E+000\", \"\")");
        text("8.6E004", "Number.ToText(86000, \"0.###E-000\", \"\")");
        text("### 123 dollars and 00 cents ###", "Number.ToText(123, \"\\#\\#\\# ##0 dollars and \\0\\0 cents \\#\\#\\#\")");
        text("### 123 dollars and 00 cents ###", "Number.ToText(123, \"'###' ##0 dollars and '00' cents '###'\")");
        text("9.3%", "Number.ToText(9.3, \"##.0\\%\")");
        text("'9'", "Number.ToText(9.3, \"\\'##\\'\")");
    }

    @Test
    public void sections() {
        text("12.35", "Number.ToText(12.345, \"#0.0#;(#0.0#);-\\0-\")");
        text("-0-", "Number.ToText(0, \"#0.0#;(#0.0#);-\\0-\")");
        text("(12.35)", "Number.ToText(-12.345, \"#0.0#;(#0.0#);-\\0-\")");
        text("(1234)", "Number.ToText(-1234, \"##;(##)\")");
        text("**Zero**", "Number.ToText(0, \"##;(##);**Zero**\")");
        // one section: the sign in front of any literal
        text("-$1,234.50", "Number.ToText(-1234.5, \"$#,##0.00\", \"en-US\")");
    }
}
