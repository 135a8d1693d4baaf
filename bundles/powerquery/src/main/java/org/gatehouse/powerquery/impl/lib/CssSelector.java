package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.powerquery.impl.lib.HtmlTree.Node;
import org.gatehouse.powerquery.impl.value.Errors;

/**
 * The CSS selectors Html.Table takes: selector lists (a, b); type (case-insensitive) and universal selectors; #id;
 * .class; attributes [a], [a=v], [a~=v], [a|=v], [a^=v], [a$=v], [a*=v]; :nth-child(an+b | odd | even),
 * :nth-of-type(...), :first-child, :last-child, :only-child, :not(compound); combinators descendant, {@code >},
 * {@code +} and {@code ~}.
 */
final class CssSelector {

    /** One compound selector: all its simple conditions hold for the element. */
    private record Compound(List<Condition> conditions) {
        boolean matches(Node e) {
            for (Condition c : conditions) {
                if (!c.test(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    private interface Condition {
        boolean test(Node e);
    }

    /** A complex selector read right to left: compounds[i] is joined to compounds[i-1] by combinators[i-1]. */
    private record Complex(List<Compound> compounds, List<Character> combinators) { }

    private final List<Complex> alternatives;
    private final String text;

    private CssSelector(String text, List<Complex> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    @Override
    public String toString() {
        return text;
    }

    static CssSelector parse(String selector) {
        Parser p = new Parser(selector);
        List<Complex> alternatives = new ArrayList<>();
        do {
            alternatives.add(p.complex());
        } while (p.eat(','));
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected '" + p.peek() + "'");
        }
        return new CssSelector(selector, alternatives);
    }

    /** The elements of the document that match, in document order. */
    List<Node> select(List<Node> elements) {
        List<Node> out = new ArrayList<>();
        for (Node e : elements) {
            if (matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    boolean matches(Node e) {
        for (Complex c : alternatives) {
            if (matches(c, c.compounds.size() - 1, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Complex c, int index, Node e) {
        if (!c.compounds.get(index).matches(e)) {
            return false;
        }
        if (index == 0) {
            return true;
        }
        char combinator = c.combinators.get(index - 1);
        switch (combinator) {
            case '>' -> {
                return isElement(e.parent) && matches(c, index - 1, e.parent);
            }
            case ' ' -> {
                for (Node a = e.parent; isElement(a); a = a.parent) {
                    if (matches(c, index - 1, a)) {
                        return true;
                    }
                }
                return false;
            }
            case '+' -> {
                Node before = previousElement(e);
                return before != null && matches(c, index - 1, before);
            }
            default -> {
                for (Node before = previousElement(e); before != null; before = previousElement(before)) {
                    if (matches(c, index - 1, before)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static boolean isElement(Node n) {
        return n != null && n.isElement() && !n.tag.equals("#document");
    }

    private static Node previousElement(Node e) {
        List<Node> siblings = e.parent.children;
        for (int i = siblings.indexOf(e) - 1; i >= 0; i--) {
            if (siblings.get(i).isElement()) {
                return siblings.get(i);
            }
        }
        return null;
    }

    private static int elementCount(Node parent) {
        int count = 0;
        for (Node c : parent.children) {
            if (c.isElement()) {
                count++;
            }
        }
        return count;
    }

    /** The 1-based position among element siblings (of the same tag when {@code ofType}), from the end if asked. */
    private static int position(Node e, boolean ofType, boolean fromEnd) {
        if (!ofType) {
            return fromEnd ? elementCount(e.parent) - e.siblingIndex : e.siblingIndex + 1;
        }
        List<Node> siblings = e.parent.elementChildren();
        if (ofType) {
            siblings.removeIf(s -> !s.tag.equals(e.tag));
        }
        int i = siblings.indexOf(e);
        return fromEnd ? siblings.size() - i : i + 1;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                i++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (!atEnd() && peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        RuntimeException error(String what) {
            return Errors.expression("The CSS selector '" + s + "' is not supported or not valid at position " + (i + 1)
                    + ": " + what + ".");
        }

        Complex complex() {
            skipSpace();
            List<Compound> compounds = new ArrayList<>();
            List<Character> combinators = new ArrayList<>();
            compounds.add(compound());
            while (true) {
                int start = i;
                skipSpace();
                if (atEnd() || peek() == ',' || peek() == ')') {
                    return new Complex(compounds, combinators);
                }
                char c = peek();
                if (c == '>' || c == '+' || c == '~') {
                    i++;
                    skipSpace();
                    combinators.add(c);
                } else if (i > start) {
                    combinators.add(' ');
                } else {
                    throw error("unexpected '" + c + "'");
                }
                compounds.add(compound());
            }
        }

        Compound compound() {
            List<Condition> conditions = new ArrayList<>();
            boolean universal = false;
            if (!atEnd() && peek() == '*') {
                i++;
                universal = true;
            } else if (!atEnd() && isNameChar(peek())) {
                String tag = name().toLowerCase(Locale.ROOT);
                conditions.add(e -> e.tag.equals(tag));
            }
            while (!atEnd()) {
                char c = peek();
                if (c == '#') {
                    i++;
                    String id = name();
                    conditions.add(e -> id.equals(e.attributes.get("id")));
                } else if (c == '.') {
                    i++;
                    String cls = name();
                    conditions.add(e -> hasWord(e.attributes.get("class"), cls));
                } else if (c == '[') {
                    i++;
                    conditions.add(attribute());
                } else if (c == ':') {
                    i++;
                    conditions.add(pseudo());
                } else {
                    break;
                }
            }
            if (conditions.isEmpty() && !universal) {
                throw error(atEnd() ? "a selector is missing" : "unexpected '" + peek() + "'");
            }
            return new Compound(conditions);
        }

        private Condition attribute() {
            skipSpace();
            String name = name().toLowerCase(Locale.ROOT);
            skipSpace();
            if (eat(']')) {
                return e -> e.attributes.containsKey(name);
            }
            String op;
            if (!atEnd() && peek() == '=') {
                op = "=";
                i++;
            } else if (i + 1 < s.length() && "~|^$*".indexOf(peek()) >= 0 && s.charAt(i + 1) == '=') {
                op = s.substring(i, i + 2);
                i += 2;
            } else {
                throw error("an attribute operator is expected");
            }
            skipSpace();
            String value;
            if (!atEnd() && (peek() == '"' || peek() == '\'')) {
                char q = peek();
                int end = s.indexOf(q, i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                value = s.substring(i + 1, end);
                i = end + 1;
            } else {
                value = name();
            }
            skipSpace();
            boolean insensitive = false;
            if (!atEnd() && (peek() == 'i' || peek() == 'I')) {
                insensitive = true;
                i++;
                skipSpace();
            }
            if (!eat(']')) {
                throw error("']' is expected");
            }
            String v = insensitive ? value.toLowerCase(Locale.ROOT) : value;
            boolean lower = insensitive;
            return e -> {
                String a = e.attributes.get(name);
                if (a == null) {
                    return false;
                }
                if (lower) {
                    a = a.toLowerCase(Locale.ROOT);
                }
                return switch (op) {
                    case "=" -> a.equals(v);
                    case "~=" -> hasWord(a, v);
                    case "|=" -> a.equals(v) || a.startsWith(v + "-");
                    case "^=" -> !v.isEmpty() && a.startsWith(v);
                    case "$=" -> !v.isEmpty() && a.endsWith(v);
                    default -> !v.isEmpty() && a.contains(v);
                };
            };
        }

        private Condition pseudo() {
            String name = name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "first-child" -> {
                    return e -> position(e, false, false) == 1;
                }
                case "last-child" -> {
                    return e -> position(e, false, true) == 1;
                }
                case "only-child" -> {
                    return e -> position(e, false, false) == 1 && position(e, false, true) == 1;
                }
                case "first-of-type" -> {
                    return e -> position(e, true, false) == 1;
                }
                case "last-of-type" -> {
                    return e -> position(e, true, true) == 1;
                }
                case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type" -> {
                    if (!eat('(')) {
                        throw error("'(' is expected");
                    }
                    int close = s.indexOf(')', i);
                    if (close < 0) {
                        throw error("')' is expected");
                    }
                    int[] ab = nth(s.substring(i, close).strip().toLowerCase(Locale.ROOT));
                    i = close + 1;
                    boolean ofType = name.endsWith("of-type");
                    boolean fromEnd = name.contains("last");
                    return e -> {
                        int p = position(e, ofType, fromEnd);
                        int a = ab[0];
                        int b = ab[1];
                        if (a == 0) {
                            return p == b;
                        }
                        return (p - b) % a == 0 && (p - b) / a >= 0;
                    };
                }
                case "not" -> {
                    if (!eat('(')) {
                        throw error("'(' is expected");
                    }
                    skipSpace();
                    Compound inner = compound();
                    if (!eat(')')) {
                        throw error("')' is expected");
                    }
                    return e -> !inner.matches(e);
                }
                default -> throw error("the pseudo-class :" + name + " is not supported");
            }
        }

        private int[] nth(String expr) {
            String x = expr.replace(" ", "");
            if (x.equals("odd")) {
                return new int[] {2, 1};
            }
            if (x.equals("even")) {
                return new int[] {2, 0};
            }
            try {
                int n = x.indexOf('n');
                if (n < 0) {
                    return new int[] {0, Integer.parseInt(x)};
                }
                String a = x.substring(0, n);
                String b = x.substring(n + 1);
                int av = a.isEmpty() || a.equals("+") ? 1 : a.equals("-") ? -1 : Integer.parseInt(a);
                int bv = b.isEmpty() ? 0 : Integer.parseInt(b.startsWith("+") ? b.substring(1) : b);
                return new int[] {av, bv};
            } catch (NumberFormatException e) {
                throw error("'" + expr + "' is not an+b");
            }
        }

        private String name() {
            int start = i;
            while (!atEnd() && (isNameChar(peek()) || peek() == '\\')) {
                i += peek() == '\\' && i + 1 < s.length() ? 2 : 1;
            }
            if (i == start) {
                throw error(atEnd() ? "a name is expected" : "a name is expected, not '" + peek() + "'");
            }
            return s.substring(start, i).replace("\\", "");
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c > 127;
        }
    }

    static boolean hasWord(String list, String word) {
        if (list == null) {
            return false;
        }
        for (String w : list.trim().split("\\s+")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
