package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Number.ToText's custom numeric format strings as the M reference page "Custom numeric format strings" describes
 * them (the .NET rules): "0"/"#" placeholders filled from the decimal point outwards, extra integer digits at the
 * leftmost placeholder, every other character a literal ("(###) ###-####"), "," between placeholders for groups and
 * left of the decimal point for division by 1000, "%"/"‰", "E+0" exponents, escapes (\x, '...', "..."), and up to
 * three ";" sections (positive; negative, written without its sign; zero). Rounding is away from zero.
 */
final class DotNetNumberFormat {

    private enum Kind { ZERO, HASH, POINT, COMMA, PERCENT, PERMILLE, EXPONENT, LITERAL }

    private record Token(Kind kind, String text, boolean plusSign, int exponentDigits) {
        static Token of(Kind kind) {
            return new Token(kind, null, false, 0);
        }

        static Token literal(String text) {
            return new Token(Kind.LITERAL, text, false, 0);
        }

        boolean placeholder() {
            return kind == Kind.ZERO || kind == Kind.HASH;
        }
    }

    private DotNetNumberFormat() {
    }

    static String format(double x, String format, Culture culture) {
        List<String> sections = sections(format);
        String positive = sections.get(0);
        String negative = sections.size() > 1 && !sections.get(1).isEmpty() ? sections.get(1) : null;
        String zero = sections.size() > 2 ? sections.get(2) : null;
        if (x == 0) {
            return section(0, zero != null ? zero : positive, culture).text;
        }
        if (x < 0 && negative != null) {
            Result r = section(-x, negative, culture);
            // a negative number rounding to zero is the zero of the first (or the zero) section
            return r.zero ? section(0, zero != null ? zero : positive, culture).text : r.text;
        }
        Result r = section(Math.abs(x), positive, culture);
        if (r.zero && zero != null) {
            return section(0, zero, culture).text;
        }
        // one section for negatives: the culture's sign in front, unless the value rounded to zero
        return x < 0 && !r.zero ? culture.negativeSign + r.text : r.text;
    }

    private record Result(String text, boolean zero) {
    }

    /** The format split at the ";" that are not quoted or escaped. */
    private static List<String> sections(String format) {
        List<String> out = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' && out.size() < 2) {
                out.add(format.substring(start, i));
                start = i + 1;
            }
        }
        out.add(format.substring(start));
        return out;
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '0' -> out.add(Token.of(Kind.ZERO));
                case '#' -> out.add(Token.of(Kind.HASH));
                case '.' -> out.add(Token.of(Kind.POINT));
                case ',' -> out.add(Token.of(Kind.COMMA));
                case '%' -> out.add(Token.of(Kind.PERCENT));
                case '\u2030' -> out.add(Token.of(Kind.PERMILLE));
                case '\\' -> {
                    if (i + 1 < s.length()) {
                        out.add(Token.literal(String.valueOf(s.charAt(++i))));
                    }
                }
                case '\'', '"' -> {
                    int end = s.indexOf(c, i + 1);
                    end = end < 0 ? s.length() : end;
                    out.add(Token.literal(s.substring(i + 1, end)));
                    i = end;
                }
                case 'E', 'e' -> {
                    int j = i + 1;
                    boolean plus = false;
                    if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        plus = s.charAt(j) == '+';
                        j++;
                    }
                    int digits = 0;
                    while (j + digits < s.length() && s.charAt(j + digits) == '0') {
                        digits++;
                    }
                    if (digits == 0) {
                        out.add(Token.literal(String.valueOf(c)));
                    } else {
                        out.add(new Token(Kind.EXPONENT, String.valueOf(c), plus, digits));
                        i = j + digits - 1;
                    }
                }
                default -> out.add(Token.literal(String.valueOf(c)));
            }
        }
        return out;
    }

    /** Formats a non-negative value with one section. */
    private static Result section(double magnitude, String section, Culture culture) {
        List<Token> tokens = tokens(section);
        int point = -1, exponent = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Kind k = tokens.get(i).kind;
            if (k == Kind.POINT && point < 0 && exponent < 0) {
                point = i;
            } else if (k == Kind.EXPONENT && exponent < 0) {
                exponent = i;
            }
        }
        int integerEnd = point >= 0 ? point : exponent >= 0 ? exponent : tokens.size();
        int fractionEnd = exponent >= 0 ? exponent : tokens.size();
        // integer placeholders; commas after the last of them divide by 1000, commas between them group
        int lastIntegerPlaceholder = -1, firstIntegerPlaceholder = -1, integerPlaceholders = 0, minIntegerDigits = 0;
        boolean seenZero = false;
        for (int i = 0; i < integerEnd; i++) {
            if (tokens.get(i).placeholder()) {
                firstIntegerPlaceholder = firstIntegerPlaceholder < 0 ? i : firstIntegerPlaceholder;
                lastIntegerPlaceholder = i;
                integerPlaceholders++;
                seenZero |= tokens.get(i).kind == Kind.ZERO;
                minIntegerDigits += seenZero ? 1 : 0;
            }
        }
        boolean grouped = false;
        int scale = 0;
        for (int i = 0; i < integerEnd; i++) {
            if (tokens.get(i).kind == Kind.COMMA) {
                if (i > firstIntegerPlaceholder && i < lastIntegerPlaceholder) {
                    grouped = true;
                } else if (i > lastIntegerPlaceholder && lastIntegerPlaceholder >= 0) {
                    scale++;
                }
            }
        }
        int maxDecimals = 0, minDecimals = 0;
        for (int i = point + 1; point >= 0 && i < fractionEnd; i++) {
            if (tokens.get(i).placeholder()) {
                maxDecimals++;
                if (tokens.get(i).kind == Kind.ZERO) {
                    minDecimals = maxDecimals;
                }
            }
        }
        BigDecimal v = BigDecimal.valueOf(magnitude);
        for (Token t : tokens) {
            v = t.kind == Kind.PERCENT ? v.movePointRight(2) : t.kind == Kind.PERMILLE ? v.movePointRight(3) : v;
        }
        v = v.movePointLeft(3 * scale);
        int exponentValue = 0;
        if (exponent >= 0 && v.signum() != 0) {
            // the exponent that leaves as many integer digits as the integer placeholders ask for (at least one)
            int wanted = Math.max(1, integerPlaceholders);
            exponentValue = v.precision() - v.scale() - wanted;
            BigDecimal mantissa = v.movePointLeft(exponentValue).setScale(maxDecimals, RoundingMode.HALF_UP);
            if (mantissa.precision() - mantissa.scale() > wanted) {
                exponentValue++;
            }
            v = v.movePointLeft(exponentValue);
        }
        BigDecimal rounded = v.setScale(maxDecimals, RoundingMode.HALF_UP);
        boolean zero = rounded.signum() == 0;
        String plain = rounded.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        whole = whole.equals("0") ? "" : whole;
        whole = "0".repeat(Math.max(0, minIntegerDigits - whole.length())) + whole;
        int keep = fraction.length();
        while (keep > minDecimals && fraction.charAt(keep - 1) == '0') {
            keep--;
        }
        fraction = fraction.substring(0, keep);

        // the integer part, right to left: each placeholder takes one digit, the leftmost takes the rest
        StringBuilder left = new StringBuilder();
        if (firstIntegerPlaceholder < 0 && point >= 0) {
            // no integer placeholder (".00"): the integer digits stand just before the decimal point; a picture
            // without any placeholder ("abc") shows no number at all
            left.append(new StringBuilder(whole).reverse());
        }
        int next = whole.length(), written = 0;
        for (int i = integerEnd - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.placeholder()) {
                int from = i == firstIntegerPlaceholder ? 0 : Math.max(0, next - 1);
                for (int d = next - 1; d >= from; d--) {
                    if (grouped && culture.isGroupBoundary(written)) {
                        left.append(new StringBuilder(culture.groupSeparator).reverse());
                    }
                    left.append(whole.charAt(d));
                    written++;
                }
                next = from;
            } else if (t.kind != Kind.COMMA) {
                left.append(new StringBuilder(literal(t, culture)).reverse());
            }
        }
        StringBuilder out = left.reverse();
        // the fraction, left to right
        int used = 0;
        for (int i = integerEnd; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i == point) {
                out.append(fraction.isEmpty() ? "" : culture.decimalSeparator);
            } else if (t.placeholder() && i < fractionEnd) {
                out.append(used < fraction.length() ? String.valueOf(fraction.charAt(used++)) : "");
            } else if (i == exponent) {
                String digits = String.valueOf(Math.abs(exponentValue));
                out.append(t.text).append(exponentValue < 0 ? culture.negativeSign : t.plusSign ? "+" : "")
                        .append("0".repeat(Math.max(0, t.exponentDigits - digits.length()))).append(digits);
            } else if (t.kind != Kind.COMMA && t.kind != Kind.POINT && !t.placeholder()) {
                out.append(literal(t, culture));
            }
        }
        return new Result(out.toString(), zero);
    }

    private static String literal(Token t, Culture culture) {
        return switch (t.kind) {
            case PERCENT -> culture.percentSymbol;
            case PERMILLE -> "\u2030";
            default -> t.text == null ? "" : t.text;
        };
    }
}
