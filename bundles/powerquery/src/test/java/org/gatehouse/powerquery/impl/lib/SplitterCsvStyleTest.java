package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Splitter.SplitTextByDelimiter's third argument, csvStyle (its reference syntax), with CsvStyle.Type's meanings:
 * QuoteAfterDelimiter, quotes significant only right after a delimiter; QuoteAlways, significant anywhere. The
 * function took two arguments. Expressions are ours, but for the reference example.
 */
public class SplitterCsvStyleTest {

    @Test
    public void quotesAfterTheDelimiterOrAnywhere() {
        same("{\"a\", \"b,c\", \"d\"}", "Splitter.SplitTextByDelimiter(\",\", QuoteStyle.Csv)(\"a,\"\"b,c\"\",d\")");
        same("{\"a\", \"b,c\", \"d\"}",
                "Splitter.SplitTextByDelimiter(\",\", QuoteStyle.Csv, CsvStyle.QuoteAfterDelimiter)(\"a,\"\"b,c\"\",d\")");
        same("{\"a\", \"x\"\"y\", \"z\"\"\", \"d\"}",
                "Splitter.SplitTextByDelimiter(\",\", QuoteStyle.Csv, CsvStyle.QuoteAfterDelimiter)(\"a,x\"\"y,z\"\",d\")");
        same("{\"a\", \"xy,z\", \"d\"}",
                "Splitter.SplitTextByDelimiter(\",\", QuoteStyle.Csv, CsvStyle.QuoteAlways)(\"a,x\"\"y,z\"\",d\")");
    }
}
