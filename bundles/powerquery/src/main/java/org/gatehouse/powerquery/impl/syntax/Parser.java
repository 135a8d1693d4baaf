package org.gatehouse.powerquery.impl.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.MSyntaxException;
import org.gatehouse.powerquery.impl.syntax.Expr.*;

/**
 * Recursive-descent parser for the syntactic grammar of M. Precedence, lowest first: {@code ??}, or, and, is, as,
 * equality, relational, additive (+ - &amp;), multiplicative, meta, unary, type, primary with its postfix accesses.
 */
public final class Parser {

    static final Set<String> PRIMITIVE_TYPES = Set.of("any", "anynonnull", "binary", "date", "datetime",
            "datetimezone", "duration", "function", "list", "logical", "none", "null", "number", "record", "table",
            "text", "time", "type", "action");

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private Parser(String source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** Parses one expression document; the whole source must be consumed. */
    public static Expr parseExpression(String source) {
        Parser p = new Parser(source);
        Expr e = p.expression();
        p.expectEnd();
        return e;
    }

    /** Parses a section document ({@code section Section1; shared Q = ...;}). */
    public static Section parseSection(String source) {
        Parser p = new Parser(source);
        Section s = p.section();
        p.expectEnd();
        return s;
    }

    /** Parses a document of one or more sections, each running until the next {@code section} keyword. */
    public static List<Section> parseSections(String source) {
        Parser p = new Parser(source);
        List<Section> sections = new ArrayList<>();
        do {
            sections.add(p.section());
        } while (p.peek().kind() != TokenKind.END);
        return sections;
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(pos++);
    }

    private boolean acceptOperator(String op) {
        if (peek().isOperator(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String kw) {
        if (peek().isKeyword(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    private MSyntaxException error(String message) {
        Token t = peek();
        String found = t.kind() == TokenKind.END ? "end of input" : "'" + source.substring(t.start(), t.end()) + "'";
        return new MSyntaxException(message + ", found " + found, t.line(), t.column());
    }

    private void expectOperator(String op) {
        if (!acceptOperator(op)) {
            throw error("expected '" + op + "'");
        }
    }

    private void expectKeyword(String kw) {
        if (!acceptKeyword(kw)) {
            throw error("expected '" + kw + "'");
        }
    }

    private void expectEnd() {
        if (peek().kind() != TokenKind.END) {
            throw error("expected end of input");
        }
    }

    private String identifier() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER) {
            pos++;
            return t.text();
        }
        throw error("expected an identifier");
    }

    // ---- section document

    private Section section() {
        if (peek().isOperator("[")) {
            expression(); // section attributes are a record literal we do not need
        }
        expectKeyword("section");
        String name = null;
        if (!peek().isOperator(";")) {
            name = identifier();
        }
        expectOperator(";");
        List<SectionMember> members = new ArrayList<>();
        while (peek().kind() != TokenKind.END && !peek().isKeyword("section")) {
            if (peek().isOperator("[")) {
                int attributes = pos;
                expression(); // member attributes
                if (peek().isKeyword("section")) {
                    pos = attributes; // they were the next section's attributes
                    break;
                }
            }
            boolean shared = acceptKeyword("shared");
            String memberName = identifier();
            expectOperator("=");
            Expr value = expression();
            expectOperator(";");
            members.add(new SectionMember(memberName, shared, value));
        }
        return new Section(name, members);
    }

    // ---- expressions

    Expr expression() {
        Token t = peek();
        if (t.isKeyword("let")) {
            return let();
        }
        if (t.isKeyword("if")) {
            pos++;
            Expr c = expression();
            expectKeyword("then");
            Expr a = expression();
            expectKeyword("else");
            Expr b = expression();
            return new If(c, a, b);
        }
        if (t.isKeyword("each")) {
            pos++;
            Expr body = expression();
            return new Function(List.of(new Parameter("_", false, null)), null, body);
        }
        if (t.isKeyword("error")) {
            pos++;
            return new ErrorRaise(expression());
        }
        if (t.isKeyword("try")) {
            return tryExpression();
        }
        if (t.isOperator("(")) {
            Function f = tryFunction();
            if (f != null) {
                return f;
            }
        }
        return coalesce();
    }

    private Expr let() {
        expectKeyword("let");
        List<Binding> bindings = new ArrayList<>();
        do {
            String name = identifier();
            expectOperator("=");
            bindings.add(new Binding(name, expression()));
        } while (acceptOperator(","));
        expectKeyword("in");
        return new Let(bindings, expression());
    }

    private Expr tryExpression() {
        expectKeyword("try");
        Expr body = expression();
        if (acceptKeyword("otherwise")) {
            return new Try(body, expression(), null);
        }
        if (acceptKeyword("catch")) {
            Function handler = tryFunction();
            if (handler == null || handler.parameters().size() > 1) {
                throw error("expected a catch function with at most one parameter");
            }
            return new Try(body, null, handler);
        }
        return new Try(body, null, null);
    }

    /** A function expression starts like a parenthesized one; try the function form and backtrack if it fails. */
    private Function tryFunction() {
        int save = pos;
        try {
            expectOperator("(");
            List<Parameter> params = new ArrayList<>();
            boolean sawOptional = false;
            if (!peek().isOperator(")")) {
                do {
                    boolean optional = acceptKeyword("optional") || acceptOptionalIdentifier();
                    if (sawOptional && !optional) {
                        throw error("a required parameter cannot follow an optional one");
                    }
                    sawOptional |= optional;
                    String name = identifier();
                    Expr type = acceptKeyword("as") ? primitiveOrNullableType() : null;
                    params.add(new Parameter(name, optional, type));
                } while (acceptOperator(","));
            }
            expectOperator(")");
            Expr returnType = acceptKeyword("as") ? primitiveOrNullableType() : null;
            expectOperator("=>");
            return new Function(params, returnType, expression());
        } catch (MSyntaxException e) {
            if (pos > save && tokens.get(pos - 1).isOperator("=>")) {
                throw e; // the arrow was seen: it is a function whose body is wrong
            }
            pos = save;
            return null;
        }
    }

    /** "optional" is not a keyword in M, only a contextual word before a parameter name. */
    private boolean acceptOptionalIdentifier() {
        if (peek().is(TokenKind.IDENTIFIER, "optional")
                && (peek(1).kind() == TokenKind.IDENTIFIER || peek(1).kind() == TokenKind.QUOTED_IDENTIFIER)) {
            pos++;
            return true;
        }
        return false;
    }

    private Expr primitiveOrNullableType() {
        if (peek().is(TokenKind.IDENTIFIER, "nullable")) {
            pos++;
            return new NullableType(primitiveOrNullableType());
        }
        Token t = peek();
        String word = t.text();
        if ((t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.KEYWORD) && PRIMITIVE_TYPES.contains(word)) {
            pos++;
            return new PrimitiveType(word);
        }
        throw error("expected a primitive type");
    }

    private Expr coalesce() {
        Expr left = logicalOr();
        if (peek().isOperator("??")) {
            Token op = advance();
            return new Binary("??", left, coalesce(), op.line(), op.column());
        }
        return left;
    }

    private Expr logicalOr() {
        Expr left = logicalAnd();
        while (peek().isKeyword("or")) {
            Token op = advance();
            left = new Binary("or", left, logicalAnd(), op.line(), op.column());
        }
        return left;
    }

    private Expr logicalAnd() {
        Expr left = isExpression();
        while (peek().isKeyword("and")) {
            Token op = advance();
            left = new Binary("and", left, isExpression(), op.line(), op.column());
        }
        return left;
    }

    private Expr isExpression() {
        Expr left = asExpression();
        while (peek().isKeyword("is")) {
            Token op = advance();
            left = new Binary("is", left, primitiveOrNullableType(), op.line(), op.column());
        }
        return left;
    }

    private Expr asExpression() {
        Expr left = equality();
        while (peek().isKeyword("as")) {
            Token op = advance();
            left = new Binary("as", left, primitiveOrNullableType(), op.line(), op.column());
        }
        return left;
    }

    private Expr equality() {
        Expr left = relational();
        while (peek().isOperator("=") || peek().isOperator("<>")) {
            Token op = advance();
            left = new Binary(op.text(), left, relational(), op.line(), op.column());
        }
        return left;
    }

    private Expr relational() {
        Expr left = additive();
        while (peek().isOperator("<") || peek().isOperator(">") || peek().isOperator("<=") || peek().isOperator(">=")) {
            Token op = advance();
            left = new Binary(op.text(), left, additive(), op.line(), op.column());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().isOperator("+") || peek().isOperator("-") || peek().isOperator("&")) {
            Token op = advance();
            left = new Binary(op.text(), left, multiplicative(), op.line(), op.column());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = metadata();
        while (peek().isOperator("*") || peek().isOperator("/")) {
            Token op = advance();
            left = new Binary(op.text(), left, metadata(), op.line(), op.column());
        }
        return left;
    }

    private Expr metadata() {
        Expr left = unary();
        while (peek().isKeyword("meta")) {
            Token op = advance();
            left = new Binary("meta", left, unary(), op.line(), op.column());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.isOperator("+") || t.isOperator("-") || t.isKeyword("not")) {
            pos++;
            return new Unary(t.text(), unary(), t.line(), t.column());
        }
        if (t.isKeyword("type")) {
            pos++;
            return new TypeValue(primaryType());
        }
        // Power Query accepts these as operands too ("a" & if c then "b" else "c"); they extend to the right.
        if (t.isKeyword("if") || t.isKeyword("let") || t.isKeyword("each") || t.isKeyword("error") || t.isKeyword("try")) {
            return expression();
        }
        return postfix(primary());
    }

    // ---- types

    /** The operand of {@code type}: the type language, falling back to a primary expression yielding a type. */
    private Expr primaryType() {
        Token t = peek();
        if (t.is(TokenKind.IDENTIFIER, "nullable")) {
            pos++;
            return new NullableType(primaryType());
        }
        if ((t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.KEYWORD) && PRIMITIVE_TYPES.contains(t.text())) {
            if (t.text().equals("table") && (peek(1).isOperator("[") || peek(1).kind() == TokenKind.IDENTIFIER
                    || peek(1).isOperator("("))) {
                pos++;
                return new TableType(peek().isOperator("[") ? recordType() : postfix(primary()));
            }
            if (t.text().equals("function") && peek(1).isOperator("(")) {
                pos++;
                return functionType();
            }
            pos++;
            return new PrimitiveType(t.text());
        }
        if (t.isOperator("[")) {
            return recordType();
        }
        if (t.isOperator("{")) {
            pos++;
            Expr item = primaryType();
            expectOperator("}");
            return new ListType(item);
        }
        return postfix(primary());
    }

    private Expr recordType() {
        expectOperator("[");
        List<FieldSpec> fields = new ArrayList<>();
        boolean open = false;
        if (!peek().isOperator("]")) {
            do {
                if (acceptOperator("...")) {
                    open = true;
                    break;
                }
                boolean optional = false;
                if (peek().is(TokenKind.IDENTIFIER, "optional") && !peek(1).isOperator("=")
                        && !peek(1).isOperator(",") && !peek(1).isOperator("]")) {
                    pos++;
                    optional = true;
                }
                String name = generalizedIdentifier();
                Expr type = acceptOperator("=") ? primaryType() : new PrimitiveType("any");
                fields.add(new FieldSpec(name, optional, type));
            } while (acceptOperator(","));
        }
        expectOperator("]");
        return new RecordType(fields, open);
    }

    private Expr functionType() {
        expectOperator("(");
        List<Parameter> params = new ArrayList<>();
        if (!peek().isOperator(")")) {
            do {
                boolean optional = acceptOptionalIdentifier();
                String name = identifier();
                expectKeyword("as");
                params.add(new Parameter(name, optional, primaryType()));
            } while (acceptOperator(","));
        }
        expectOperator(")");
        expectKeyword("as");
        return new FunctionType(params, primaryType());
    }

    // ---- primary expressions

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                pos++;
                return new Literal(number(t.text()));
            case TEXT:
                pos++;
                return new Literal(t.text());
            case IDENTIFIER:
            case QUOTED_IDENTIFIER:
                pos++;
                if (peek().isOperator("!")) {
                    pos++; // section access: Section1!Query
                    return new Identifier(t.text() + "!" + identifier(), false, t.line(), t.column());
                }
                return new Identifier(t.text(), false, t.line(), t.column());
            case HASH_KEYWORD:
                pos++;
                return new Identifier(t.text(), false, t.line(), t.column());
            case KEYWORD:
                switch (t.text()) {
                    case "null":
                        pos++;
                        return new Literal(null);
                    case "true":
                        pos++;
                        return new Literal(Boolean.TRUE);
                    case "false":
                        pos++;
                        return new Literal(Boolean.FALSE);
                    default:
                        throw error("unexpected keyword");
                }
            case OPERATOR:
                break;
            default:
                throw error("expected an expression");
        }
        if (t.isOperator("@")) {
            pos++;
            Token name = peek();
            return new Identifier(identifier(), true, name.line(), name.column());
        }
        if (t.isOperator("(")) {
            pos++;
            Expr e = expression();
            expectOperator(")");
            return e;
        }
        if (t.isOperator("{")) {
            return listLiteral();
        }
        if (t.isOperator("[")) {
            return bracketed(null);
        }
        if (t.isOperator("...")) {
            pos++;
            return new NotImplemented(t.line(), t.column());
        }
        throw error("expected an expression");
    }

    static Object number(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return (double) Long.parseLong(text.substring(2), 16);
        }
        return Double.valueOf(new BigDecimal(text).doubleValue());
    }

    private Expr listLiteral() {
        expectOperator("{");
        List<ListItem> items = new ArrayList<>();
        if (!peek().isOperator("}")) {
            do {
                Expr from = expression();
                Expr to = acceptOperator("..") ? expression() : null;
                items.add(new ListItem(from, to));
            } while (acceptOperator(","));
        }
        expectOperator("}");
        return new ListLiteral(items);
    }

    /**
     * {@code [} starts a record literal ({@code [A = 1]}), a field access ({@code [A]}) or a projection
     * ({@code [[A],[B]]}); the target is null for the implicit {@code _}.
     */
    private Expr bracketed(Expr target) {
        Token open = peek();
        expectOperator("[");
        if (peek().isOperator("[")) {
            List<String> fields = new ArrayList<>();
            do {
                expectOperator("[");
                fields.add(generalizedIdentifier());
                expectOperator("]");
            } while (acceptOperator(","));
            expectOperator("]");
            boolean optional = acceptOperator("?");
            return new Projection(target, fields, optional, open.line(), open.column());
        }
        if (target == null && peek().isOperator("]")) {
            pos++;
            return new RecordLiteral(List.of());
        }
        String name = generalizedIdentifier();
        if (target == null && peek().isOperator("=")) {
            List<Binding> fields = new ArrayList<>();
            pos++;
            fields.add(new Binding(name, expression()));
            while (acceptOperator(",")) {
                String next = generalizedIdentifier();
                expectOperator("=");
                fields.add(new Binding(next, expression()));
            }
            expectOperator("]");
            return new RecordLiteral(fields);
        }
        expectOperator("]");
        boolean optional = acceptOperator("?");
        return new FieldAccess(target, name, optional, open.line(), open.column());
    }

    /**
     * A field name: a quoted identifier, or words (identifiers, keywords, numbers, dots) whose source text including
     * inner spaces is the name, as in {@code [Column Name]} or {@code [Custom.1]}.
     */
    private String generalizedIdentifier() {
        Token first = peek();
        if (first.kind() == TokenKind.QUOTED_IDENTIFIER || first.kind() == TokenKind.TEXT) {
            pos++;
            return first.text();
        }
        int start = -1, end = -1;
        while (true) {
            Token t = peek();
            boolean word = t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.KEYWORD
                    || (start >= 0 && (t.kind() == TokenKind.NUMBER || t.isOperator(".")));
            if (!word) {
                break;
            }
            if (start < 0) {
                start = t.start();
            }
            end = t.end();
            pos++;
        }
        if (start < 0) {
            throw error("expected a field name");
        }
        return source.substring(start, end);
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOperator("[")) {
                e = bracketed(e);
            } else if (t.isOperator("{")) {
                pos++;
                Expr key = expression();
                expectOperator("}");
                boolean optional = acceptOperator("?");
                e = new ItemAccess(e, key, optional, t.line(), t.column());
            } else if (t.isOperator("(")) {
                pos++;
                List<Expr> args = new ArrayList<>();
                if (!peek().isOperator(")")) {
                    do {
                        args.add(expression());
                    } while (acceptOperator(","));
                }
                expectOperator(")");
                e = new Invoke(e, args, t.line(), t.column());
            } else {
                return e;
            }
        }
    }
}
