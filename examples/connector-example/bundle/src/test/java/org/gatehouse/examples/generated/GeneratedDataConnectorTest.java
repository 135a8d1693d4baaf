package org.gatehouse.examples.generated;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.Test;

public class GeneratedDataConnectorTest {

    private final GeneratedDataConnector connector = new GeneratedDataConnector();
    private final DataSourceSettings source = new DataSourceSettings("gen", "generated", Map.of("seed", "7"));

    @Test
    public void theSameSeedGivesTheSameRowsOfTheDeclaredTypes() throws Exception {
        List<Object[]> first = read(source, "orders 50");
        assertEquals(50, first.size());
        for (int i = 0; i < first.size(); i++) {
            Object[] row = first.get(i);
            assertEquals((long) i + 1, row[0]);
            for (int c = 0; c < row.length; c++) {
                assertTrue(GeneratedOrders.SCHEMA.columns().get(c).type().javaType().isInstance(row[c]));
            }
        }
        List<Object[]> again = read(source, "orders 50");
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), again.get(i));
        }
        List<Object[]> otherSeed = read(new DataSourceSettings("gen", "generated", Map.of("seed", "8")), "orders 50");
        assertFalse(java.util.Arrays.equals(first.get(0), otherSeed.get(0))
                && java.util.Arrays.equals(first.get(1), otherSeed.get(1)));
    }

    @Test
    public void badQueriesAndSettingsAreRefusedSayingWhy() {
        ConnectorException query = assertThrows(ConnectorException.class, () -> read(source, "customers 5"));
        assertEquals(ConnectorException.Reason.QUERY_FAILED, query.reason());
        assertTrue(query.getMessage(), query.getMessage().contains("query 'q' on data source gen"));
        ConnectorException seed = assertThrows(ConnectorException.class, () -> connector.test(
                new DataSourceSettings("gen", "generated", Map.of("seed", "x")), Credentials.anonymous()));
        assertEquals(ConnectorException.Reason.INVALID_SETTINGS, seed.reason());
    }

    @Test
    public void aCancelledReadStopsAtTheNextRow() throws Exception {
        try (RowSource rows = connector.open(source, Credentials.anonymous(), new Query("q", "orders 1000"))) {
            Object[] row = new Object[rows.schema().size()];
            assertTrue(rows.next(row));
            rows.cancel();
            ConnectorException stopped = assertThrows(ConnectorException.class, () -> rows.next(row));
            assertEquals(ConnectorException.Reason.CANCELLED, stopped.reason());
        }
    }

    private List<Object[]> read(DataSourceSettings settings, String text) throws ConnectorException {
        List<Object[]> read = new ArrayList<>();
        try (RowSource rows = connector.open(settings, Credentials.anonymous(), new Query("q", text))) {
            Object[] row = new Object[rows.schema().size()];
            while (rows.next(row)) {
                read.add(row.clone());
            }
        }
        return read;
    }
}
