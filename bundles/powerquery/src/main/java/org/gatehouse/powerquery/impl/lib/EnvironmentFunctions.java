package org.gatehouse.powerquery.impl.lib;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Functions about the evaluation itself rather than data: error-context and optimizer pass-throughs the reference
 * marks "for internal use only", the evaluation's diagnostics identifiers, its (empty) set of environment variables,
 * Function.InvokeAfter and Text.InferNumberType. Each follows its page in the M function reference.
 */
final class EnvironmentFunctions {

    /** The library's functions that reach a data source (Function.IsDataSource). */
    private static final Set<String> DATA_SOURCES = Set.of("File.Contents", "Folder.Files", "Folder.Contents",
            "Web.Contents", "Web.BrowserContents", "Excel.CurrentWorkbook", "Sql.Database", "Sql.Databases",
            "OData.Feed", "Odbc.DataSource", "Odbc.Query", "SharePoint.Files", "SharePoint.Tables");

    private EnvironmentFunctions() {
    }

    static void register(Library lib) {
        // the error context only labels errors in Power Query's diagnostics; the value passes through unchanged
        lib.fn("Table.WithErrorContext", 2, 2, a -> Args.v(a, 0));
        lib.fn("Action.WithErrorContext", 2, 2, a -> Args.v(a, 0));
        lib.fn("Function.InvokeWithErrorContext", 2, 2, a -> Args.function(a, 0).call());
        // "if value can't be optimized it is passed through with no effect": this engine has no query plans
        lib.fn("Value.Optimize", 1, 1, a -> Args.v(a, 0));
        // no versioned sources here: "null if it doesn't have a version" (value-versionidentity.md)
        lib.fn("Value.VersionIdentity", 1, 1, a -> null);
        lib.fn("Function.InvokeAfter", 2, 2, a -> {
            MFunction f = Args.function(a, 0);
            Object delay = Values.strip(Args.v(a, 1));
            if (!(delay instanceof Duration d)) {
                throw Errors.cannotConvert(delay, "Duration");
            }
            try {
                Thread.sleep(Math.max(0, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Errors.expression("The evaluation was cancelled.");
            }
            return f.call();
        });
        lib.fn("Function.IsDataSource", 1, 1, a -> DATA_SOURCES.contains(Args.function(a, 0).name()));
        // one opaque identifier per library, which the engine builds for each evaluation
        String activity = UUID.randomUUID().toString();
        lib.fn("Diagnostics.ActivityId", 0, 0, a -> activity);
        lib.fn("Diagnostics.CorrelationId", 0, 0, a -> null); // no incoming request to correlate with
        lib.fn("TimeZone.Current", 0, 0, a -> ZoneId.systemDefault().getId());
        // the engine's evaluation environment defines no variables
        lib.fn("Variable.Value", 1, 1, a -> {
            throw Errors.expression("The variable '" + Args.text(a, 0) + "' is not defined.");
        });
        lib.fn("Variable.ValueOrDefault", 1, 2, a -> Args.v(a, 1));
        lib.fn("Text.InferNumberType", 1, 2, a -> inferNumberType(Args.text(a, 0), Culture.ofArgument(Args.v(a, 1))));
    }

    /**
     * Int64.Type for a whole number written without a decimal separator or exponent that fits 64 bits,
     * Percentage.Type for a percentage, Double.Type for any other number; not a number is an error (as
     * Number.FromText, which reads the text).
     */
    static MType inferNumberType(String text, Culture culture) {
        double value = CultureNumbers.parse(text, culture);
        String t = text.trim();
        if (t.contains("%") || t.contains("\u2030")) {
            return MType.facet("number", "Percentage");
        }
        boolean whole = !t.contains(culture.decimalSeparator) && !t.toLowerCase(java.util.Locale.ROOT).contains("e")
                && value == Math.rint(value) && Math.abs(value) < 0x1p63;
        return MType.facet("number", whole ? "Int64" : "Double");
    }
}
