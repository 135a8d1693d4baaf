package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Csv.Document's positional and record options, and the CSV quoting of Combiner; the data is our own. */
public class CsvOptionsTest {

    @Test
    public void aPositionalDelimiterOfSeveralCharactersSplitsTheRecords() {
        same("#table({\"Column1\", \"Column2\"}, {{\"k\", \"v\"}, {\"1\", \"2\"}})",
                "Csv.Document(\"k::v#(cr)#(lf)1::2\", null, \"::\")");
        same("#table({\"a\", \"b\"}, {{\"1\", \"2\"}})", "Csv.Document(\"1;2\", {\"a\", \"b\"}, \";\")");
    }

    @Test
    public void declaredColumnsGiveEmptyTextsForMissingCells() {
        same("#table({\"Column1\", \"Column2\", \"Column3\"}, {{\"7\", \"x\", \"\"}, {\"8\", \"\", \"\"}})",
                "Csv.Document(\"7;x#(lf)8\", [Delimiter = \";\", Columns = 3])");
        same("#table({\"Column1\", \"Column2\"}, {{\"7\", \"x\"}, {\"8\", null}})",
                "Csv.Document(\"7;x#(lf)8\", [Delimiter = \";\"])");
    }

    @Test
    public void aTableTypeNamesTheColumns() {
        same("#table({\"Code\", \"Label\"}, {{\"A\", \"first\"}, {\"B\", \"second\"}})",
                "Csv.Document(\"A|first#(lf)B|second\", [Delimiter = \"|\", "
                        + "Columns = type table [Code = text, Label = text]])");
    }

    @Test
    public void csvQuoteStyleQuotesCombinedPartsThatHoldTheDelimiter() {
        same("\"x;\"\"y;z\"\"\"", "Combiner.CombineTextByDelimiter(\";\", QuoteStyle.Csv)({\"x\", \"y;z\"})");
        same("\"x;y;z\"", "Combiner.CombineTextByDelimiter(\";\")({\"x\", \"y;z\"})");
    }
}
