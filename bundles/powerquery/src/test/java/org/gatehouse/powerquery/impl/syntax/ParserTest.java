package org.gatehouse.powerquery.impl.syntax;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.gatehouse.powerquery.MSyntaxException;
import org.gatehouse.powerquery.impl.syntax.Expr.*;
import org.junit.Test;

public class ParserTest {

    private static Expr parse(String s) {
        return Parser.parseExpression(s);
    }

    @Test
    public void lexesLiteralsAndEscapes() {
        List<Token> t = Lexer.tokenize("\"a\"\"b#(cr,lf)#(0041)#(#)\" 0x1F 1.5e-3 .5 Table.AddColumn #\"x y\" // c\n /* d */ #date");
        assertEquals("a\"b\r\nA#", t.get(0).text());
        assertEquals(31.0, Parser.number(t.get(1).text()));
        assertEquals(0.0015, Parser.number(t.get(2).text()));
        assertEquals(0.5, Parser.number(t.get(3).text()));
        assertEquals("Table.AddColumn", t.get(4).text());
        assertEquals(TokenKind.QUOTED_IDENTIFIER, t.get(5).kind());
        assertEquals("x y", t.get(5).text());
        assertEquals(TokenKind.HASH_KEYWORD, t.get(6).kind());
        assertEquals(TokenKind.END, t.get(7).kind());
    }

    @Test
    public void noBreakSpacesAreWhitespace() {
        // 06_power_query_decision_service.xlsx (PacktPublishing/AI-and-Business-Rules-for-Excel-Power-Users) has a
        // query line holding only U+202F; the M spec counts every Unicode Zs character (and U+0085) as whitespace.
        List<Token> t = Lexer.tokenize("let\u202f\r\n\u00a0x\u2007=\u30001\u0085in\u2003x");
        assertEquals(7, t.size());
        assertEquals("let", t.get(0).text());
        assertEquals("x", t.get(1).text());
        assertEquals("=", t.get(2).text());
        assertEquals("in", t.get(4).text());
        assertEquals(TokenKind.END, t.get(6).kind());
    }

    @Test
    public void precedence() {
        Binary b = (Binary) parse("1 + 2 * 3 = 7 and x or y");
        assertEquals("or", b.operator());
        Binary and = (Binary) b.left();
        assertEquals("and", and.operator());
        Binary eq = (Binary) and.left();
        assertEquals("=", eq.operator());
        assertEquals("+", ((Binary) eq.left()).operator());
        assertEquals("*", ((Binary) ((Binary) eq.left()).right()).operator());
        assertEquals("meta", ((Binary) ((Binary) parse("1 meta [a=1] * 2")).left()).operator());
    }

    @Test
    public void functionsEachAndParameters() {
        Function f = (Function) parse("(x as number, optional y as nullable text) as text => x");
        assertEquals(2, f.parameters().size());
        assertTrue(f.parameters().get(1).optional());
        assertTrue(f.returnType() instanceof PrimitiveType);
        Function each = (Function) parse("each [A] > 1");
        assertEquals("_", each.parameters().get(0).name());
        assertTrue(parse("(1 + 2) * 3") instanceof Binary);
        assertTrue(parse("() => 1") instanceof Function);
    }

    @Test
    public void accessForms() {
        FieldAccess f = (FieldAccess) parse("Source{[Item=\"Sheet1\",Kind=\"Sheet\"]}[Data]");
        assertEquals("Data", f.field());
        assertTrue(f.target() instanceof ItemAccess);
        Projection p = (Projection) parse("r[[A],[B]]?");
        assertEquals(List.of("A", "B"), p.fields());
        assertTrue(p.optional());
        assertEquals("Column Name", ((FieldAccess) parse("[Column Name]")).field());
        assertEquals("Custom.1", ((FieldAccess) parse("[Custom.1]")).field());
        RecordLiteral r = (RecordLiteral) parse("[Column Name = 1, #\"b\" = 2, if = 3]");
        assertEquals("Column Name", r.fields().get(0).name());
        assertEquals("if", r.fields().get(2).name());
        assertTrue(parse("@f(1)") instanceof Invoke);
    }

    @Test
    public void typesTryAndSections() {
        TypeValue t = (TypeValue) parse("type table [A = text, optional B = nullable number]");
        assertTrue(t.spec() instanceof TableType);
        assertTrue(((TypeValue) parse("type {number}")).spec() instanceof ListType);
        assertTrue(((TypeValue) parse("type function (x as number) as text")).spec() instanceof FunctionType);
        assertTrue(((TypeValue) parse("type nullable Int64.Type")).spec() instanceof NullableType);
        assertTrue(((Try) parse("try x catch (e) => 1")).catchFunction() != null);
        assertTrue(((Try) parse("try x otherwise 1")).otherwise() != null);
        Section s = Parser.parseSection("section Section1;\nshared Q = let a = 1 in a;\nB = 2;");
        assertEquals("Section1", s.name());
        assertTrue(s.members().get(0).shared());
        assertEquals("B", s.members().get(1).name());
    }

    @Test
    public void syntaxErrorsCarryPosition() {
        try {
            parse("let\n  a = 1,\n  b = in a");
            fail();
        } catch (MSyntaxException e) {
            assertEquals(3, e.line());
            assertEquals(7, e.column());
        }
        try {
            parse("\"unterminated");
            fail();
        } catch (MSyntaxException e) {
            assertEquals(1, e.line());
        }
    }

    @Test
    public void moreConstructs() {
        assertTrue(parse("{1..10, 12}") instanceof ListLiteral);
        assertEquals(2, ((ListLiteral) parse("{1..10, 12}")).items().size());
        ItemAccess item = (ItemAccess) parse("list{0}?");
        assertTrue(item.optional());
        assertTrue(parse("x ?? y") instanceof Binary);
        assertTrue(parse("not a and b") instanceof Binary);
        assertEquals("is", ((Binary) parse("x is nullable number")).operator());
        assertEquals("as", ((Binary) parse("x as text")).operator());
        Identifier at = (Identifier) parse("@x");
        assertTrue(at.inclusive());
        assertTrue(parse("...") instanceof NotImplemented);
        assertTrue(parse("#date(2024, 1, 1)") instanceof Invoke);
        assertTrue(parse("error \"x\"") instanceof ErrorRaise);
        assertEquals("-", ((Unary) parse("-1")).operator());
        assertEquals("a\tb", ((Literal) parse("\"a#(tab)b\"")).value());
        assertTrue(parse("/* lead */ 1 // trail") instanceof Literal);
        assertTrue(((TypeValue) parse("type [A = number, ...]")).spec() instanceof RecordType);
        assertTrue(((RecordType) ((TypeValue) parse("type [A = number, ...]")).spec()).open());
        Section s = Parser.parseSection("section Section1;\nshared #\"My Query\" = 1;");
        assertEquals("My Query", s.members().get(0).name());
    }
}
