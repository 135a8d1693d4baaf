package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Numbers as a culture writes them, both ways: .NET's standard formats (G, N, F, D, P, C, E, X, R) and custom
 * pictures for Number.ToText, and the reading of "1.234,5 €" or "(12 %)" for Number.FromText and conversions.
 * .NET rounds formatted numbers half away from zero.
 */
final class CultureNumbers {

    private static final Pattern INVARIANT_NUMBER = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CultureNumbers() {
    }

    /**
     * The number in a text of the culture: a DataFormat.Error when it is none. Group separators may stand anywhere in
     * the integer digits, as .NET's number parsing allows (a ru-RU workbook converts "73 13" to the Int64 7313).
     */
    static double parse(String text, Culture culture) {
        return Convert.parseNumber(culture.isDefault() ? text : invariantText(text, culture));
    }

    /**
     * As parse, but only groups of three digits (two before the last, lakh-style) make a number, so Value.FromText
     * in de-DE leaves "24.12.2024" to its date reading.
     */
    static double parseGroupsOfThree(String text, Culture culture) {
        return Convert.parseNumber(culture.isDefault() ? text : invariantText(text, culture, true));
    }

    /**
     * The text of a number in the culture rewritten as the invariant culture writes it ("-1234.5", "12%" for a
     * percentage), for Convert to read; the default culture's text as it is, since Convert reads that already.
     */
    static String invariantText(String text, Culture culture) {
        return invariantText(text, culture, false);
    }

    private static String invariantText(String text, Culture culture, boolean groupsOfThree) {
        if (culture.isDefault()) {
            return text;
        }
        String s = trim(text);
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = trim(s.substring(1, s.length() - 1));
        }
        String beforeSymbol = s;
        s = withoutAffix(s, culture.currencySymbol);
        boolean percent = s.startsWith(culture.percentSymbol) || s.endsWith(culture.percentSymbol)
                || s.startsWith("%") || s.endsWith("%");
        if (percent) {
            s = withoutAffix(withoutAffix(s, culture.percentSymbol), "%");
        }
        if (s.startsWith(culture.negativeSign) || s.startsWith("-") || s.startsWith("\u2212")) {
            negative = !negative;
            s = trim(s.substring(1));
        } else if (s.startsWith("+")) {
            s = trim(s.substring(1));
        } else if (s.endsWith("-")) {
            negative = !negative;
            s = trim(s.substring(0, s.length() - 1));
        }
        String afterSign = s;
        s = withoutAffix(s, culture.currencySymbol); // "-€1,5" and "€-1,5" alike
        // an amount with the currency symbol has the currency separators, as .NET reads it (fr-CH: 1 234.50 CHF)
        boolean currency = !beforeSymbol.equals(withoutAffix(beforeSymbol, culture.currencySymbol))
                || !afterSign.equals(s);
        String decimalSeparator = currency ? culture.currencyDecimalSeparator : culture.decimalSeparator;
        int decimal = s.indexOf(decimalSeparator);
        String whole = decimal < 0 ? s : s.substring(0, decimal);
        String fraction = decimal < 0 ? "" : "." + s.substring(decimal + decimalSeparator.length());
        String invariant = withoutGroups(whole, culture, groupsOfThree, currency) + fraction;
        if (!INVARIANT_NUMBER.matcher(invariant).matches()) {
            throw Errors.dataFormat("We couldn't convert to Number.");
        }
        return (negative ? "-" : "") + invariant + (percent ? "%" : "");
    }

    /**
     * The integer digits without group separators: after at least one digit, as .NET reads them. With
     * {@code groupsOfThree}, groups hold three digits (two allowed before the last, for lakh-style grouping). An
     * amount with its currency symbol groups with the currency's separator (de-AT 1.234,50 but 1 234,50).
     */
    private static String withoutGroups(String whole, Culture culture, boolean groupsOfThree, boolean currency) {
        StringBuilder digits = new StringBuilder();
        int groupLength = -1; // digits since the last separator; -1 before the first one
        for (char c : whole.toCharArray()) {
            if (currency ? culture.isCurrencyGroupCharacter(c) : culture.isGroupCharacter(c)) {
                if (digits.length() == 0 || groupsOfThree
                        && (groupLength == 0 || groupLength > 0 && groupLength != 2 && groupLength != 3)) {
                    throw Errors.dataFormat("We couldn't convert to Number.");
                }
                groupLength = 0;
            } else {
                digits.append(c);
                groupLength = groupLength < 0 ? -1 : groupLength + 1;
            }
        }
        if (groupsOfThree && groupLength >= 0 && groupLength != 3) {
            throw Errors.dataFormat("We couldn't convert to Number.");
        }
        return digits.toString();
    }

    private static String withoutAffix(String s, String affix) {
        if (affix.isEmpty()) {
            return s;
        }
        if (s.startsWith(affix)) {
            return trim(s.substring(affix.length()));
        }
        if (s.endsWith(affix)) {
            return trim(s.substring(0, s.length() - affix.length()));
        }
        return s;
    }

    /** Trims every kind of space, the no-break ones culture texts carry included. */
    private static String trim(String s) {
        int start = 0, end = s.length();
        while (start < end && TextCursor.isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && TextCursor.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Number.ToText(x, format, culture); a null format is the shortest text that reads back as the number. */
    static String format(double x, String format, Culture culture) {
        if (format == null || format.isEmpty() || format.equals("R") || format.equals("r")) {
            return general(x, culture);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Values.formatNumber(x);
        }
        char kind = Character.toUpperCase(format.charAt(0));
        String rest = format.substring(1);
        int digits = !rest.isEmpty() && rest.length() <= 2 && rest.chars().allMatch(Character::isDigit) ? Integer.parseInt(rest)
                : rest.isEmpty() ? -1 : -2;
        if (digits == -2) {
            return custom(x, format, culture);
        }
        switch (kind) {
            case 'G':
                return significant(x, digits <= 0 ? 15 : digits, format.charAt(0) == 'g' ? "e" : "E", culture);
            case 'F':
                return signed(x, fixed(x, digits < 0 ? 2 : digits, culture, false), culture);
            case 'N':
                return signed(x, fixed(x, digits < 0 ? 2 : digits, culture, true), culture);
            case 'D': {
                String s = Long.toString(Math.abs((long) x));
                s = "0".repeat(Math.max(0, digits - s.length())) + s;
                return x < 0 ? culture.negativeSign + s : s;
            }
            case 'P': {
                double scaled = BigDecimal.valueOf(x).movePointRight(2).doubleValue();
                String number = fixed(scaled, digits < 0 ? 2 : digits, culture, true);
                String pattern = isNegative(scaled, number) ? culture.percentNegative : culture.percentPositive;
                return pattern.replace("-", culture.negativeSign).replace("%", culture.percentSymbol).replace("n", number);
            }
            case 'C': {
                String number = fixed(x, digits < 0 ? culture.currencyDigits : digits, culture.currencyDecimalSeparator,
                        culture.currencyGroupSeparator, culture);
                String pattern = isNegative(x, number) ? culture.currencyNegative : culture.currencyPositive;
                return pattern.replace("-", culture.negativeSign).replace("n", number).replace("$", culture.currencySymbol);
            }
            case 'X': {
                // hexadecimal of a whole number, in the letter case of the format
                String hex = Long.toHexString((long) x);
                hex = "0".repeat(Math.max(0, digits - hex.length())) + hex;
                return Character.isUpperCase(format.charAt(0)) ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
            }
            case 'E': {
                // .NET scientific: mantissa with 6 decimals unless given, exponent signed with at least 3 digits
                String m = String.format(java.util.Locale.ROOT, "%." + (digits < 0 ? 6 : digits) + "e", x);
                int e = m.indexOf('e');
                int exponent = Integer.parseInt(m.substring(e + 1));
                String text = m.substring(0, e).replace(".", culture.decimalSeparator).replace("-", culture.negativeSign)
                        + "e" + (exponent < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%03d", Math.abs(exponent));
                return Character.isUpperCase(format.charAt(0)) ? text.toUpperCase(java.util.Locale.ROOT) : text;
            }
            default:
                return custom(x, format, culture);
        }
    }

    /** The engine's shortest number text with the culture's decimal separator and sign. */
    static String general(double x, Culture culture) {
        String s = Values.formatNumber(x);
        if (culture.isDefault() || Double.isNaN(x) || Double.isInfinite(x)) {
            return s;
        }
        return s.replace("-", culture.negativeSign).replace(".", culture.decimalSeparator);
    }

    /** "G" and "Gn": n significant digits (15 for a double, as .NET Framework), scientific beyond them. */
    private static String significant(double x, int precision, String e, Culture culture) {
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(precision, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String text;
        if (exponent > -5 && exponent < precision) {
            text = d.toPlainString();
        } else {
            String mantissa = d.unscaledValue().abs().toString();
            text = (d.signum() < 0 ? "-" : "") + mantissa.charAt(0) + (mantissa.length() > 1 ? "." + mantissa.substring(1) : "")
                    + e + (exponent < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return text.replace("-", culture.negativeSign).replace(".", culture.decimalSeparator);
    }

    /** The digits of |x| rounded to a number of decimals, grouped or not, without a sign. */
    private static String fixed(double x, int decimals, Culture culture, boolean grouped) {
        return fixed(x, decimals, culture.decimalSeparator, grouped ? culture.groupSeparator : null, culture);
    }

    /** The digits of |x| rounded, with these separators (no groups when {@code group} is null). */
    private static String fixed(double x, int decimals, String decimalSeparator, String group, Culture culture) {
        boolean grouped = group != null;
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(x)).setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : decimalSeparator + plain.substring(point + 1);
        if (grouped) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && culture.isGroupBoundary(whole.length() - i)) {
                    sb.append(group);
                }
                sb.append(whole.charAt(i));
            }
            whole = sb.toString();
        }
        return whole + fraction;
    }

    /** Negative unless it rounded to zero: .NET Framework writes no "-0.00". */
    private static boolean isNegative(double x, String digits) {
        return x < 0 && digits.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    private static String signed(double x, String digits, Culture culture) {
        return isNegative(x, digits) ? culture.negativeSign + digits : digits;
    }

    /** Custom pictures ("#,##0.00", "(###) ###-####", "0.0%;(0.0%)") with the culture's symbols. */
    private static String custom(double x, String format, Culture culture) {
        return DotNetNumberFormat.format(x, format, culture);
    }
}
