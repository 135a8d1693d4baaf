package org.gatehouse.bench.powerquery;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryStream;

/**
 * The same pipeline as Power Query's editor writes it, evaluated by the M engine; the result is read as the gateway
 * reads it ({@link QueryStream}).
 */
final class MPipeline {

    static final String QUERY = """
            section Bench;
            shared Revenue = let
                Source = Csv.Document(File.Contents("C:\\bench\\sales.csv"), [Delimiter=",", Columns=4, Encoding=65001, QuoteStyle=QuoteStyle.None]),
                #"Promoted Headers" = Table.PromoteHeaders(Source, [PromoteAllScalars=true]),
                #"Changed Type" = Table.TransformColumnTypes(#"Promoted Headers", {{"id", Int64.Type}, {"region", type text}, {"amount", type number}, {"quantity", Int64.Type}}),
                #"Filtered Rows" = Table.SelectRows(#"Changed Type", each [amount] > 500),
                #"Added Custom" = Table.AddColumn(#"Filtered Rows", "total", each [amount] * [quantity], type number),
                #"Grouped Rows" = Table.Group(#"Added Custom", {"region"}, {{"revenue", each List.Sum([total]), type number}, {"rows", each Table.RowCount(_), Int64.Type}})
            in
                #"Grouped Rows";
            """;

    private MPipeline() {
    }

    static GroupTotals run(Path csv) {
        LocalFileAccess access = new LocalFileAccess().map("C:\\bench\\sales.csv", csv.toString());
        Map<String, Double> revenue = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        try (QueryStream result = PowerQuery.stream(QUERY, "Revenue", access)) {
            for (List<Object> row = result.next(); row != null; row = result.next()) {
                revenue.put((String) row.get(0), (Double) row.get(1));
                rows.put((String) row.get(0), (Long) row.get(2));
            }
        }
        return new GroupTotals(revenue, rows);
    }
}
