package org.gatehouse.powerquery.impl.eval;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

public class EvaluatorTest {

    @Test
    public void arithmeticAndPrecedence() {
        same("7", "1 + 2 * 3");
        same("9", "(1 + 2) * 3");
        same("-1", "1 - 2");
        same("2.5", "5 / 2");
        same("true", "1 + 1 = 2 and not (3 < 2)");
        same("null", "1 + null");
        same("\"ab\"", "\"a\" & \"b\"");
        same("255", "0xff");
        same("1500", "1.5e3");
        same("true", "0.1 + 0.2 <> 0.3");
        same("#infinity", "1/0");
    }

    @Test
    public void equalityRules() {
        same("false", "1 = \"1\"");
        same("true", "null = null");
        same("false", "null = 0");
        same("true", "[A = 1, B = 2] = [B = 2, A = 1]");
        same("true", "{1, {2}} = {1, {2}}");
        same("false", "{1, 2} = {2, 1}");
        same("null", "null < 1");
        same("true", "\"a\" < \"b\"");
        fails("Expression.Error", "1 < \"a\"");
    }

    @Test
    public void logicalOperatorsShortCircuit() {
        same("false", "false and error \"not evaluated\"");
        same("true", "true or error \"not evaluated\"");
        same("null", "null and true");
        same("false", "null and false");
        same("5", "null ?? 5");
        same("3", "3 ?? error \"x\"");
    }

    @Test
    public void letIsLazyAndRecursive() {
        same("1", "let a = error \"unused\", b = 1 in b");
        same("120", "let fact = (n) => if n <= 1 then 1 else n * @fact(n - 1) in fact(5)");
        same("3", "let x = y + 1, y = 2 in x");
        fails("Expression.Error", "let x = x + 1 in x");
    }

    @Test
    public void recordsAndLists() {
        same("3", "[A = 1, B = A + 2][B]");
        same("null", "[A = 1][B]?");
        fails("Expression.Error", "[A = 1][B]");
        same("2", "{1, 2, 3}{1}");
        same("null", "{1}{5}?");
        fails("Expression.Error", "{1}{5}");
        same("{1, 2, 3, 4}", "{1..3, 4}");
        same("{}", "{3..1}");
        same("5", "List.First(List.Skip({1..2000000000}, 4))");
        same("2000000000", "List.Count({1..2000000000})");
        same("[A = 1]", "[A = 1, B = 2][[A]]");
        same("1", "[Column Name = 1][Column Name]");
        same("2", "[#\"a b\" = 2][a b]");
        same("1", "{1, error \"lazy\"}{0}");
        same("[A = 1, B = 3]", "[A = 1, B = 2] & [B = 3]");
        same("{1, 2}", "{1} & {2}");
    }

    @Test
    public void functionsAndEach() {
        same("5", "((x, y) => x + y)(2, 3)");
        same("2", "((x, optional y) => if y = null then x else y)(2)");
        same("{2, 3}", "List.Transform({1, 2}, each _ + 1)");
        same("6", "let f = (x as number) as number => x * 2 in f(3)");
        fails("Expression.Error", "let f = (x as number) => x in f(\"a\")");
        fails("Expression.Error", "((x) => x)(1, 2)");
        same("10", "let add = (a) => (b) => a + b in add(4)(6)");
    }

    @Test
    public void errorsAndTry() {
        same("[HasError = false, Value = 1]", "try 1");
        same("\"Expression.Error\"", "(try error \"boom\")[Error][Reason]");
        same("\"boom\"", "(try error \"boom\")[Error][Message]");
        same("\"My.Reason\"", "(try error [Reason = \"My.Reason\", Message = \"m\"])[Error][Reason]");
        same("0", "try 1 + \"a\" otherwise 0");
        same("\"boom\"", "try error \"boom\" catch (e) => e[Message]");
        same("1", "try error \"boom\" catch () => 1");
        fails("Expression.Error", "...");
        fails("My.Reason", "error Error.Record(\"My.Reason\", \"m\")");
    }

    @Test
    public void typesAndMeta() {
        same("true", "1 is number");
        same("false", "\"a\" is number");
        same("true", "null is nullable text");
        same("1", "1 as number");
        same("type number", "Value.Type(1)");
        same("[Doc = \"x\"]", "Value.Metadata(1 meta [Doc = \"x\"])");
        same("2", "(1 meta [A = 1]) + 1");
        same("true", "Value.Is(\"a\", type text)");
        same("true", "type table [A = text, B = nullable number] is type");
        same("true", "(type {number}) is type");
        same("true", "(type function (x as number) as text) is type");
    }

    @Test
    public void datesAndDurations() {
        same("#date(2024, 3, 1)", "#date(2024, 2, 28) + #duration(2, 0, 0, 0)");
        same("#duration(1, 0, 0, 0)", "#date(2024, 3, 1) - #date(2024, 2, 29)");
        same("#datetime(2024, 1, 1, 12, 0, 0)", "#datetime(2024, 1, 1, 10, 30, 0) + #duration(0, 1, 30, 0)");
        same("#datetime(2024, 1, 2, 3, 4, 5)", "#date(2024, 1, 2) & #time(3, 4, 5)");
        same("true", "#date(2024, 1, 1) < #date(2024, 1, 2)");
        same("#duration(0, 2, 0, 0)", "#duration(0, 1, 0, 0) * 2");
    }

    @Test
    public void sectionsAndShared() {
        Engine e = new Engine(new org.gatehouse.powerquery.LocalFileAccess());
        e.loadSection("section S; shared A = 1; shared B = A + 1; C = error \"never read\";");
        org.junit.Assert.assertEquals(2.0, e.member("B"));
        org.junit.Assert.assertEquals(true, e.evaluate("Record.HasFields(#shared, {\"A\", \"B\", \"Table.AddColumn\"})"));
        org.junit.Assert.assertEquals(1.0, e.evaluate("#sections[S][A]"));
        org.junit.Assert.assertEquals(2.0, e.evaluate("S!B"));
        org.junit.Assert.assertEquals(3.0, e.evaluate("Expression.Evaluate(\"A + B\", #shared)"));
        org.junit.Assert.assertEquals(6.0, e.evaluate("Expression.Evaluate(\"x * 2\", [x = 3])"));
    }

    @Test
    public void deepRecursionRunsOnTheLargeStack() {
        Object v = DeepStack.call(() -> M.eval("let f = (n) => if n = 0 then 0 else 1 + @f(n - 1) in f(20000)"));
        org.junit.Assert.assertEquals(20000.0, v);
    }

    /**
     * A plain reference to a binding's own name inside its initializer means the enclosing binding, in the lazy parts
     * of the initializer too (a list item, a field, a function body evaluated after the binding is done).
     */
    @Test
    public void anInitializerSeesTheOuterBindingOfItsOwnNameEvenLazily() {
        M.same("{\"s\"}", "let f = (x) => let x = if x is text then {x} else x in x in f(\"s\")");
        M.same("{\"s\"}", "let f = (x) => let x = if x is text then {x} else x in x in f({\"s\"})");
        M.same("[x = 2]", "let x = 1 in let r = [x = x + 1] in r");
        M.same("5", "let g = (n) => let n = () => n in n() in g(5)");
        // with no outer binding of the name, the name is the binding itself: recursion works
        M.same("120", "let fact = (n) => if n <= 1 then 1 else n * fact(n - 1) in fact(5)");
        M.same("[a = 1, b = 1]", "[a = 1, b = @a]");
    }
}
