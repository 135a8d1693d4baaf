package org.gatehouse.powerquery.impl.lib;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.Errors;

/** A position in date/time text and the readings the date parsers take from it; a reading that fails throws. */
final class TextCursor {

    /** A name a number is written as: a month, a weekday. */
    record Name(String text, int value) {
    }

    private final String text;
    private int pos;
    /** Where a name's period ended, which a '.' the format writes after the name may stand for ("janv." + "."). */
    private int periodEnd = -1;

    TextCursor(String text) {
        this.text = text;
    }

    static MException mismatch() {
        return Errors.dataFormat("We couldn't parse the input provided as a Date value.");
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    void advance() {
        pos++;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    void skipSpaces() {
        while (!atEnd() && isSpace(peek())) {
            pos++;
        }
    }

    /** The literal text, in any letter case; a space in it stands for any run of white space, also none. */
    void expectLiteral(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (isSpace(c)) {
                skipSpaces();
            } else if (c == '.' && pos == periodEnd) {
                periodEnd = -1; // the name's own period was this one
            } else if (!atEnd() && Character.toLowerCase(peek()) == Character.toLowerCase(c)) {
                pos++;
            } else {
                throw mismatch();
            }
        }
    }

    void expectEnd() {
        skipSpaces();
        if (!atEnd()) {
            throw mismatch();
        }
    }

    /** A number of min to max digits. */
    int digits(int min, int max) {
        int start = pos;
        int value = 0;
        while (!atEnd() && pos - start < max && Character.isDigit(peek())) {
            value = value * 10 + Character.digit(peek(), 10);
            pos++;
        }
        if (pos - start < min) {
            throw mismatch();
        }
        return value;
    }

    /** Fraction digits, min to max of them, as nanoseconds. */
    int fraction(int min, int max) {
        int start = pos;
        String digits = "";
        while (!atEnd() && pos - start < max && Character.isDigit(peek())) {
            digits += peek();
            pos++;
        }
        if (digits.length() < min) {
            throw mismatch();
        }
        return digits.isEmpty() ? 0 : Integer.parseInt((digits + "000000000").substring(0, 9));
    }

    /** The value of the first name the text goes on with (names longest first), skipping an abbreviation's period. */
    int name(List<Name> names) {
        Name found = tryName(names);
        if (found == null) {
            throw mismatch();
        }
        return found.value();
    }

    Name tryName(List<Name> names) {
        for (Name n : names) {
            if (!n.text().isEmpty() && text.regionMatches(true, pos, n.text(), 0, n.text().length())) {
                pos += n.text().length();
                skipPeriod();
                return n;
            }
        }
        return null;
    }

    /**
     * As {@link #tryName} but a whole word only, so the month "mar" doesn't read the start of "martes"; an ideograph
     * ends a word by itself ("3月12日").
     */
    Name tryWord(List<Name> names) {
        int start = pos;
        for (Name n : names) {
            if (n.text().isEmpty() || !text.regionMatches(true, start, n.text(), 0, n.text().length())) {
                continue;
            }
            int end = start + n.text().length();
            char last = n.text().charAt(n.text().length() - 1);
            boolean boundary = end >= text.length() || !Character.isLetter(text.charAt(end))
                    || Character.isIdeographic(last) || last == '.';
            if (boundary) {
                pos = end;
                skipPeriod();
                return n;
            }
        }
        return null;
    }

    /** An abbreviation's period, whether the name has it ("janv.") or the text adds it ("gen."). */
    private void skipPeriod() {
        if (peek() == '.') {
            pos++;
        }
        if (pos > 0 && text.charAt(pos - 1) == '.') {
            periodEnd = pos;
        }
    }

    /** The names with their period-less forms ("janv." and "janv"), longest first so "mar" doesn't take "marzo". */
    static List<Name> longestFirst(List<Name> names) {
        List<Name> all = new ArrayList<>();
        for (Name n : names) {
            all.add(n);
            if (n.text().endsWith(".")) {
                all.add(new Name(n.text().substring(0, n.text().length() - 1), n.value()));
            }
        }
        all.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
        return all;
    }

    /** 0 for AM, 1 for PM by the culture's designators (or the English ones), -1 when the culture has none to read. */
    int designator(Culture culture) {
        List<Name> names = longestFirst(List.of(new Name(culture.am, 0), new Name(culture.pm, 1), new Name("AM", 0),
                new Name("PM", 1)));
        Name found = tryName(names);
        if (found != null) {
            return found.value();
        }
        if (culture.am.isEmpty()) {
            return -1;
        }
        throw mismatch();
    }

    /** "+02:00", "-0330", "+2" or "Z"; null when optional and the text has none. */
    ZoneOffset offset(boolean optional) {
        skipSpaces();
        if (peek() == 'Z' || peek() == 'z') {
            pos++;
            return ZoneOffset.UTC;
        }
        if (peek() != '+' && peek() != '-' && peek() != '\u2212') {
            if (optional) {
                return null;
            }
            throw mismatch();
        }
        int sign = peek() == '+' ? 1 : -1;
        pos++;
        int hours = digits(1, 2);
        int minutes = 0;
        if (peek() == ':') {
            pos++;
            minutes = digits(2, 2);
        } else if (Character.isDigit(peek())) {
            minutes = digits(2, 2);
        }
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (java.time.DateTimeException e) {
            throw mismatch();
        }
    }

    void skipLetters() {
        while (!atEnd() && (Character.isLetter(peek()) || peek() == '.')) {
            pos++;
        }
    }
}
