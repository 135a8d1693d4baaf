package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Binary.Combine/Split, Lines.FromBinary/ToBinary and the connector names that fail as "not supported". */
public class BinaryMoreFunctionsTest {

    @Test
    public void combineJoinsAndSplitPages() {
        same("#binary({1, 2, 3, 4, 5})", "Binary.Combine({#binary({1, 2}), #binary({}), #binary({3, 4, 5})})");
        same("{#binary({1, 2}), #binary({3, 4}), #binary({5})}", "Binary.Split(#binary({1, 2, 3, 4, 5}), 2)");
        same("{}", "Binary.Split(#binary({}), 3)");
    }

    @Test
    public void linesRoundTripThroughBinary() {
        same("\"a#(cr,lf)b#(cr,lf)\"", "Text.FromBinary(Lines.ToBinary({\"a\", \"b\"}))");
        same("\"a;b;\"", "Text.FromBinary(Lines.ToBinary({\"a\", \"b\"}, \";\"))");
        same("{\"a\", \"b\", \"\", \"c\"}", "Lines.FromBinary(Text.ToBinary(\"a#(cr,lf)b#(lf)#(cr)c#(lf)\"))");
        same("{\"a#(cr,lf)\", \"b#(lf)\"}", "Lines.FromBinary(Text.ToBinary(\"a#(cr,lf)b#(lf)\"), null, true)");
    }

    @Test
    public void csvQuotingKeepsQuotedLineBreaksInTheLine() {
        same("{\"x,\"\"a#(lf)b\"\"\", \"y\"}", "Lines.FromBinary(Text.ToBinary(\"x,\"\"a#(lf)b\"\"#(lf)y\"), QuoteStyle.Csv)");
        same("{\"x,\"\"a\", \"b\"\"\", \"y\"}", "Lines.FromBinary(Text.ToBinary(\"x,\"\"a#(lf)b\"\"#(lf)y\"))");
        // a quote inside a field counts only with CsvStyle.QuoteAlways
        same("{\"x\"\"a\", \"b\"}", "Lines.FromBinary(Text.ToBinary(\"x\"\"a#(lf)b\"), [CsvStyle = CsvStyle.QuoteAfterDelimiter])");
        same("{\"x\"\"a#(lf)b\"}", "Lines.FromBinary(Text.ToBinary(\"x\"\"a#(lf)b\"), [QuoteStyle = QuoteStyle.Csv, CsvStyle = CsvStyle.QuoteAlways])");
    }

    @Test
    public void decimalAndSevenBitFormats() {
        // 1234.5 = 12345 scale 1; -0.01 = 1 scale 2 with the sign bit (little-endian words, as .NET writes them)
        same("1234.5", "BinaryFormat.Decimal(#binary({57, 48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0}))");
        same("-0.01", "BinaryFormat.Decimal(#binary({1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 128}))");
        same("300", "BinaryFormat.7BitEncodedUnsignedInteger(#binary({172, 2}))");
        same("127", "BinaryFormat.7BitEncodedSignedInteger(#binary({127}))");
        same("-1", "BinaryFormat.7BitEncodedSignedInteger(#binary({255, 255, 255, 255, 255, 255, 255, 255, 255, 1}))");
        same("{300, 5}", "BinaryFormat.List(BinaryFormat.7BitEncodedUnsignedInteger)(#binary({172, 2, 5}))");
    }

    @Test
    public void occurrenceValuesAreTheOnesBinaryFormatGroupReads() {
        same("{0, 1, 2}", "{Occurrence.Optional, Occurrence.Required, Occurrence.Repeating}");
        // the enumeration types the reference lists are number types
        same("{true, true, true}", "List.Transform({CsvStyle.Type, RankKind.Type, SapHanaDistribution.Type}, each Type.Is(_, type number))");
    }

    @Test
    public void connectorsFailAsNotSupported() {
        same("true", "Text.Contains((try MySQL.Database(\"h\", \"d\"))[Error][Message], \"not supported\")");
    }
}
