package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** The evaluation-level functions: pass-throughs, diagnostics, variables, InvokeAfter, Text.InferNumberType. */
public class EnvironmentFunctionsTest {

    @Test
    public void errorContextsAndOptimizePassValuesThrough() {
        same("3", "Table.RowCount(Table.WithErrorContext(#table({\"a\"}, {{1}, {2}, {3}}), \"ctx\"))");
        same("42", "Function.InvokeWithErrorContext(() => 42, \"ctx\")");
        same("\"x\"", "Value.Optimize(\"x\")");
        same("null", "Value.VersionIdentity(#table({}, {}))");
    }

    @Test
    public void invokeAfterWaitsThenInvokes() {
        same("7", "Function.InvokeAfter(() => 7, #duration(0, 0, 0, 0.01))");
    }

    @Test
    public void variablesAreNotDefined() {
        same("\"d\"", "Variable.ValueOrDefault(\"v\", \"d\")");
        same("null", "Variable.ValueOrDefault(\"v\")");
        same("true", "(try Variable.Value(\"v\"))[HasError]");
    }

    @Test
    public void diagnosticsIdentifiers() {
        same("36", "Text.Length(Diagnostics.ActivityId())");
        same("null", "Diagnostics.CorrelationId()");
        same("true", "Text.Length(TimeZone.Current()) > 0");
    }

    @Test
    public void dataSourcesAreTheSourceFunctions() {
        same("{true, false}", "{Function.IsDataSource(File.Contents), Function.IsDataSource(Text.Upper)}");
    }

    /** Type equality ignores facets, so the facet is read through Table.Schema's TypeName. */
    @Test
    public void inferNumberType() {
        same("\"Int64.Type\"", "Table.Schema(#table(type table [a = Text.InferNumberType(\"123\")], {})){0}[TypeName]");
        same("\"Double.Type\"", "Table.Schema(#table(type table [a = Text.InferNumberType(\"1.5\")], {})){0}[TypeName]");
        same("\"Double.Type\"", "Table.Schema(#table(type table [a = Text.InferNumberType(\"1,5\", \"de-DE\")], {})){0}[TypeName]");
        same("\"Percentage.Type\"", "Table.Schema(#table(type table [a = Text.InferNumberType(\"15%\")], {})){0}[TypeName]");
        same("true", "(try Text.InferNumberType(\"abc\"))[HasError]");
    }
}
