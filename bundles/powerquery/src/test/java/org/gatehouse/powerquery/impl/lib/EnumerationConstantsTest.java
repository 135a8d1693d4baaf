package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Enumeration constants queries pass as options, with the function reference's values. */
public class EnumerationConstantsTest {

    @Test
    public void optionsNamingTheConstantsEvaluate() {
        same("#table({\"a\"}, {{1}})", "Table.Buffer(#table({\"a\"}, {{1}}), [BufferMode = BufferMode.Delayed])");
        same("\"x\"", "Diagnostics.Trace(TraceLevel.Information, \"note\", \"x\")");
        same("\"Hé\"", "Text.FromBinary(#binary({0, 72, 0, 233}), TextEncoding.BigEndianUnicode)");
    }

    @Test
    public void theValuesAreTheDocumentedOnes() {
        same("{1, 2}", "{BufferMode.Eager, BufferMode.Delayed}");
        same("{1, 2, 4, 8, 16}", "{TraceLevel.Critical, TraceLevel.Error, TraceLevel.Warning, TraceLevel.Information, "
                + "TraceLevel.Verbose}");
        same("{\"GET\", \"POST\", \"DELETE\"}", "{WebMethod.Get, WebMethod.Post, WebMethod.Delete}");
        same("{0, 1}", "{CsvStyle.QuoteAfterDelimiter, CsvStyle.QuoteAlways}");
        same("{2, 3, 4, 5}", "{Compression.Snappy, Compression.Brotli, Compression.LZ4, Compression.Zstandard}");
        same("{0, 4}", "{LimitClauseKind.None, LimitClauseKind.AnsiSql2008}");
        same("\"nulls\"", "ODataOmitValues.Nulls");
    }
}
