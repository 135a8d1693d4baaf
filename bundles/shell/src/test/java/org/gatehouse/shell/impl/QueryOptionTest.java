package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;
import org.junit.Test;

public class QueryOptionTest {

    @Test
    public void theQueryTextMayHoldEqualsSignsAndColons() {
        assertEquals(List.of(new QueryInfo("sales", "erp", "SELECT * FROM sales WHERE at > TIME '12:00' AND a=1"),
                        new QueryInfo("regions", "crm", "SELECT 1")),
                QueryOption.parse(List.of("sales=erp:SELECT * FROM sales WHERE at > TIME '12:00' AND a=1",
                        " regions = crm : SELECT 1")));
    }

    @Test
    public void malformedQueriesAreRefusedWithTheExpectedForm() {
        assertEquals("--query takes NAME=DATASOURCE:QUERY, got 'sales:SELECT 1'",
                refusal(List.of("sales:SELECT 1")));
        assertEquals("--query takes NAME=DATASOURCE:QUERY, got 'sales=erp'", refusal(List.of("sales=erp")));
        assertEquals("--query needs a name, a data source and a query: NAME=DATASOURCE:QUERY, got '=erp:SELECT 1'",
                refusal(List.of("=erp:SELECT 1")));
        assertEquals("--query needs a name, a data source and a query: NAME=DATASOURCE:QUERY, got 'sales=erp: '",
                refusal(List.of("sales=erp: ")));
    }

    @Test
    public void aDatasetNeedsAQueryAndDistinctNames() {
        assertEquals("a dataset needs at least one --query NAME=DATASOURCE:QUERY", refusal(List.of()));
        assertEquals("query 'q' is given twice", refusal(List.of("q=a:SELECT 1", "q=b:SELECT 2")));
    }

    private static String refusal(List<String> options) {
        return assertThrows(IllegalArgumentException.class, () -> QueryOption.parse(options)).getMessage();
    }
}
