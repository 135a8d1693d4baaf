package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** RowExpression.From / ItemExpression.From: a one-parameter function's body as the records of Microsoft's reference. */
public class RowExpressionFunctionsTest {

    @Test
    public void referenceExamples() {
        same("[Kind = \"FieldAccess\", Expression = RowExpression.Row, MemberName = \"CustomerName\"]",
                "RowExpression.Column(\"CustomerName\")");
        same("[Kind = \"Binary\", Operator = \"Equals\", Left = RowExpression.Column(\"CustomerName\"),"
                + " Right = [Kind = \"Constant\", Value = \"ALFKI\"]]",
                "RowExpression.From(each [CustomerName] = \"ALFKI\")");
        same("[Kind = \"Binary\", Operator = \"NotEquals\", Left = ItemExpression.Item,"
                + " Right = [Kind = \"Constant\", Value = null]]",
                "ItemExpression.From(each _ <> null)");
    }

    @Test
    public void rowAndItemAreTheSameNode() {
        same("true", "RowExpression.Row = ItemExpression.Item");
        same("\"Row\"", "RowExpression.Row[Kind]");
    }

    @Test
    public void namedParameterAndFieldOfItBecomeTheRow() {
        same("RowExpression.Column(\"A\")", "RowExpression.From((r) => r[A])");
        same("RowExpression.Column(\"A\")", "RowExpression.From(each _[A])");
        same("ItemExpression.Item", "ItemExpression.From((x) => x)");
    }

    @Test
    public void operatorsAndUnaryNodes() {
        same("[Kind = \"Binary\", Operator = \"Or\","
                + " Left = [Kind = \"Binary\", Operator = \"And\","
                + "   Left = [Kind = \"Binary\", Operator = \"LessThan\", Left = RowExpression.Column(\"A\"),"
                + "     Right = [Kind = \"Constant\", Value = 1]],"
                + "   Right = [Kind = \"Binary\", Operator = \"GreaterThanOrEquals\", Left = RowExpression.Column(\"B\"),"
                + "     Right = [Kind = \"Constant\", Value = 2]]],"
                + " Right = [Kind = \"Unary\", Operator = \"Not\", Expression = RowExpression.Column(\"C\")]]",
                "RowExpression.From(each [A] < 1 and [B] >= 2 or not [C])");
        same("[Kind = \"Binary\", Operator = \"Concatenate\", Left = RowExpression.Column(\"A\"),"
                + " Right = [Kind = \"Binary\", Operator = \"Multiply\", Left = RowExpression.Column(\"B\"),"
                + "   Right = [Kind = \"Constant\", Value = 3]]]",
                "RowExpression.From(each [A] & [B] * 3)");
        same("[Kind = \"Unary\", Operator = \"Negative\", Expression = RowExpression.Column(\"A\")]",
                "RowExpression.From(each -[A])");
    }

    @Test
    public void partsWithoutTheRowAreConstantsEvaluatedInTheFunctionsScope() {
        // a let variable of the query, and a negative literal (a unary minus in the syntax), become plain constants
        same("[Kind = \"Binary\", Operator = \"Equals\", Left = RowExpression.Column(\"A\"),"
                + " Right = [Kind = \"Constant\", Value = 15]]",
                "let limit = 5 in RowExpression.From(each [A] = limit * 3)");
        same("[Kind = \"Binary\", Operator = \"GreaterThan\", Left = RowExpression.Column(\"A\"),"
                + " Right = [Kind = \"Constant\", Value = -1]]",
                "RowExpression.From(each [A] > -1)");
        same("[Kind = \"Constant\", Value = {1, 2}]", "ItemExpression.From(each {1, 2})");
    }

    @Test
    public void callsAreInvocationsOfTheFunctionValue() {
        same("[Kind = \"Invocation\", Function = [Kind = \"Constant\", Value = Text.StartsWith],"
                + " Arguments = {RowExpression.Column(\"Name\"), [Kind = \"Constant\", Value = \"A\"]}]",
                "RowExpression.From(each Text.StartsWith([Name], \"A\"))");
        same("true", "RowExpression.From(each Text.Upper([Name]))[Function][Value] = Text.Upper");
    }

    @Test
    public void ifAndElementAccess() {
        same("[Kind = \"If\", Condition = RowExpression.Column(\"A\"), TrueCase = [Kind = \"Constant\", Value = 1],"
                + " FalseCase = RowExpression.Column(\"B\")]",
                "RowExpression.From(each if [A] then 1 else [B])");
        same("[Kind = \"ElementAccess\", Collection = ItemExpression.Item, Key = [Kind = \"Constant\", Value = 0]]",
                "ItemExpression.From(each _{0})");
    }

    @Test
    public void bodiesThatAreNoRowExpressionFail() {
        fails("Expression.Error", "RowExpression.From(each let y = [A] in y)");
        fails("Expression.Error", "RowExpression.From(each [A = [B]])");
        fails("Expression.Error", "RowExpression.From((a, b) => a)");
        fails("Expression.Error", "RowExpression.From(Text.Upper)");
    }
}
