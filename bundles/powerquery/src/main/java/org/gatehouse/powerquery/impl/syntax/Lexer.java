package org.gatehouse.powerquery.impl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.powerquery.MSyntaxException;

/** Splits M source into tokens following the lexical grammar of the M language specification. */
public final class Lexer {

    static final Set<String> KEYWORDS = Set.of("and", "as", "each", "else", "error", "false", "if", "in", "is", "let",
            "meta", "not", "null", "or", "otherwise", "section", "shared", "then", "true", "try", "type", "catch");
    static final Set<String> HASH_KEYWORDS = Set.of("#binary", "#date", "#datetime", "#datetimezone", "#duration",
            "#infinity", "#nan", "#sections", "#shared", "#table", "#time");
    // Longest first so that "..." wins over ".." and "=>" over "=".
    private static final String[] OPERATORS = {"...", "..", "=>", "<>", "<=", ">=", "??", "?", "=", "<", ">", "+", "-",
            "*", "/", "&", "(", ")", "[", "]", "{", "}", ",", ";", "@", "!", "."};
    private static final Map<String, Integer> CONTROL_ESCAPES = Map.of("cr", 13, "lf", 10, "tab", 9);

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    public static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != TokenKind.END);
        return tokens;
    }

    private MSyntaxException error(String message, int at) {
        int l = 1, ls = 0;
        for (int i = 0; i < at && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                l++;
                ls = i + 1;
            }
        }
        return new MSyntaxException(message, l, at - ls + 1);
    }

    private Token next() {
        skipWhitespaceAndComments();
        int start = pos;
        int startLine = line, startCol = pos - lineStart + 1;
        if (pos >= src.length()) {
            return new Token(TokenKind.END, "", pos, pos, startLine, startCol);
        }
        char c = src.charAt(pos);
        if (c == '"') {
            String text = readText();
            return new Token(TokenKind.TEXT, text, start, pos, startLine, startCol);
        }
        if (c == '#') {
            if (pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
                pos++;
                String name = readText();
                return new Token(TokenKind.QUOTED_IDENTIFIER, name, start, pos, startLine, startCol);
            }
            int e = pos + 1;
            while (e < src.length() && Character.isLetter(src.charAt(e))) {
                e++;
            }
            String word = src.substring(pos, e);
            if (!HASH_KEYWORDS.contains(word)) {
                throw error("unknown keyword " + word, start);
            }
            pos = e;
            return new Token(TokenKind.HASH_KEYWORD, word, start, pos, startLine, startCol);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return new Token(TokenKind.NUMBER, readNumber(), start, pos, startLine, startCol);
        }
        if (isIdentifierStart(c)) {
            String word = readIdentifier();
            TokenKind kind = KEYWORDS.contains(word) ? TokenKind.KEYWORD : TokenKind.IDENTIFIER;
            return new Token(kind, word, start, pos, startLine, startCol);
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(TokenKind.OPERATOR, op, start, pos, startLine, startCol);
            }
        }
        throw error("unexpected character '" + c + "'", start);
    }

    /**
     * The M spec's whitespace: any Unicode Zs character, tab, vertical tab, form feed and the new-line characters
     * (with U+0085). Java's Character.isWhitespace leaves out the no-break spaces, yet Excel saves queries with them:
     * the "1_DS_No_Params" query of PacktPublishing/AI-and-Business-Rules-for-Excel-Power-Users'
     * 06_power_query_decision_service.xlsx has a line holding only U+202F (narrow no-break space). U+FEFF (a byte-order
     * mark pasted into a query) is skipped too.
     */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR
                || c == '\u0085' || c == '\ufeff';
    }

    private void skipWhitespaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment", pos);
                }
                for (int i = pos; i < end; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c) || Character.getType(c) == Character.LETTER_NUMBER;
    }

    static boolean isIdentifierPart(char c) {
        if (isIdentifierStart(c) || Character.isDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK || t == Character.FORMAT;
    }

    /** A regular identifier may contain dots, each followed by an identifier start: {@code Table.AddColumn}. */
    private String readIdentifier() {
        int start = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isIdentifierPart(c)) {
                pos++;
            } else if (c == '.' && pos + 1 < src.length()
                    && (isIdentifierStart(src.charAt(pos + 1)) || digitsThenLetter(pos + 1))) {
                pos += 2;
            } else {
                break;
            }
        }
        return src.substring(start, pos);
    }

    /**
     * A dotted part may start with digits when letters follow, as the library name
     * BinaryFormat.7BitEncodedSignedInteger (the M function reference) is written; {@code x.5} stays a number.
     */
    private boolean digitsThenLetter(int at) {
        while (at < src.length() && Character.isDigit(src.charAt(at))) {
            at++;
        }
        return at < src.length() && at > 0 && Character.isDigit(src.charAt(at - 1)) && isIdentifierStart(src.charAt(at));
    }

    private String readNumber() {
        int start = pos;
        if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
            pos += 2;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == start + 2) {
                throw error("hexadecimal number without digits", start);
            }
            return src.substring(start, pos);
        }
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        // "1..5" is a range, so a dot only belongs to the number when a digit follows it.
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && isDigit(src.charAt(pos))) {
                while (pos < src.length() && isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return src.substring(start, pos);
    }

    /** Reads a double-quoted literal at pos, resolving {@code ""} and {@code #(...)} escapes. */
    private String readText() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated text literal", start);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            if (c == '#' && src.startsWith("#(", pos)) {
                readEscapes(sb);
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            sb.append(c);
            pos++;
        }
    }

    private void readEscapes(StringBuilder sb) {
        int start = pos;
        int close = src.indexOf(')', pos);
        if (close < 0) {
            throw error("unterminated escape sequence", start);
        }
        String body = src.substring(pos + 2, close);
        if (body.equals("#")) {
            // #(#) stands for a lone '#', so "#(#)(cr)" reads as the five characters #(cr), not as an escape
            sb.append('#');
            pos = close + 1;
            return;
        }
        for (String part : body.split(",", -1)) {
            String p = part.trim();
            Integer control = CONTROL_ESCAPES.get(p);
            if (control != null) {
                sb.append((char) control.intValue());
            } else if ((p.length() == 4 || p.length() == 8) && p.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                sb.appendCodePoint(Integer.parseInt(p, 16));
            } else {
                throw error("invalid escape #(" + body + ")", start);
            }
        }
        pos = close + 1;
    }
}
