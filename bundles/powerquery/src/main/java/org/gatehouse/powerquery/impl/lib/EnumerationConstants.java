package org.gatehouse.powerquery.impl.lib;

/**
 * The documented enumeration constants that options and arguments take, with the values the function reference
 * gives them, beyond those CoreFunctions defines with the functions that read them. Defining them lets a query that
 * names one (a join algorithm, a buffer mode, a trace level) evaluate; the functions decide what the value changes.
 */
final class EnumerationConstants {

    private EnumerationConstants() {
    }

    static void register(Library lib) {
        numbers(lib, "JoinAlgorithm", "Dynamic", 0, "PairwiseHash", 1, "SortMerge", 2, "LeftHash", 3, "RightHash", 4,
                "LeftIndex", 5, "RightIndex", 6);
        numbers(lib, "JoinSide", "Left", 0, "Right", 1);
        // the numbers BinaryFormat.Group reads an item's occurrence as
        numbers(lib, "Occurrence", "Optional", 0, "Required", 1, "Repeating", 2);
        numbers(lib, "BufferMode", "Eager", 1, "Delayed", 2);
        numbers(lib, "Compression", "Snappy", 2, "Brotli", 3, "LZ4", 4, "Zstandard", 5);
        numbers(lib, "TextEncoding", "BigEndianUnicode", 1201);
        numbers(lib, "TraceLevel", "Critical", 1, "Error", 2, "Warning", 4, "Information", 8, "Verbose", 16);
        numbers(lib, "LimitClauseKind", "None", 0, "Top", 1, "LimitOffset", 2, "Limit", 3, "AnsiSql2008", 4);
        numbers(lib, "AccessControlKind", "Deny", 0, "Allow", 1);
        numbers(lib, "SapHanaDistribution", "Off", 0, "Connection", 1, "Statement", 2, "All", 3);
        numbers(lib, "SapHanaRangeOperator", "GreaterThan", 0, "LessThan", 1, "GreaterThanOrEquals", 2,
                "LessThanOrEquals", 3, "Equals", 4, "NotEquals", 5, "Between", 6);
        numbers(lib, "SapBusinessWarehouseExecutionMode", "BasXml", 64, "BasXmlGzip", 65, "DataStream", 66);
        for (String method : new String[] {"Delete", "Get", "Head", "Patch", "Post", "Put"}) {
            lib.value("WebMethod." + method, method.toUpperCase(java.util.Locale.ROOT));
        }
        lib.value("ODataOmitValues.Nulls", "nulls");
    }

    /** {@code family.name = value} for each name/value pair. */
    private static void numbers(Library lib, String family, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lib.value(family + "." + namesAndValues[i], ((Integer) namesAndValues[i + 1]).doubleValue());
        }
    }
}
