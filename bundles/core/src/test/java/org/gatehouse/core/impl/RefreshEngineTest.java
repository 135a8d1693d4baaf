package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.junit.Before;
import org.junit.Test;

public class RefreshEngineTest {

    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final RefreshEngine engine = new RefreshEngine(definitions, connectors);
    private final RecordingSink sink = new RecordingSink();
    private final CountingConnector counting = new CountingConnector();

    @Before
    public void define() {
        definitions.addDataSource(DataSourceConfig.parse(Map.of("id", "numbers", "kind", "count",
                "user", "reader", "password", "pw", "service.pid", "x")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "two", "queries", "small, big",
                "query.small.datasource", "numbers", "query.small.text", "3",
                "query.big.datasource", "numbers", "query.big.text", "1000", "query.big.step", "2")));
        connectors.add(counting, "1.0.0");
    }

    @Test
    public void configurationsAreParsedIntoSettingsCredentialsAndQueries() {
        DataSourceDefinition source = definitions.dataSource("numbers").orElseThrow();
        assertEquals("count", source.kind());
        assertEquals(Map.of(), source.settings().properties());
        assertEquals(AuthenticationType.BASIC, source.credentials().type());
        assertEquals("pw", source.credentials().secret().orElseThrow());
        assertEquals("BASIC(reader)", source.credentials().toString());

        DatasetDefinition dataset = definitions.dataset("two").orElseThrow();
        assertEquals(List.of("small", "big"), dataset.queries().stream().map(q -> q.query().name()).toList());
        assertEquals(Map.of("step", "2"), dataset.query("big").orElseThrow().query().options());
    }

    @Test
    public void aDatasetStreamsOneTablePerQueryInOrder() throws Exception {
        RefreshOutcome outcome = engine.refresh(RefreshRequest.wholeDataset("two", "test"), sink);
        assertEquals(2, outcome.tables());
        assertEquals(503, outcome.rows());
        assertEquals(List.of("begin small", "end small 3", "begin big", "end big 500"), sink.events);
        assertEquals(503, sink.rows);
        assertEquals(2, counting.closed);
    }

    @Test
    public void oneQueryCanBeRunAlone() throws Exception {
        engine.refresh(new RefreshRequest("two", "small", "test"), sink);
        assertEquals(List.of("begin small", "end small 3"), sink.events);
    }

    @Test
    public void missingPiecesFailBeforeAnyRowIsSent() {
        expectFailure(RefreshRequest.wholeDataset("nope", "t"), FailureReason.UNKNOWN_DATASET, "'nope'");
        expectFailure(new RefreshRequest("two", "huge", "t"), FailureReason.UNKNOWN_QUERY, "'huge'");
        connectors.removeConnector(counting);
        expectFailure(RefreshRequest.wholeDataset("two", "t"), FailureReason.CONNECTOR_NOT_INSTALLED,
                "connector count is not installed");
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "orphan", "queries", "q",
                "query.q.datasource", "gone", "query.q.text", "1")));
        expectFailure(RefreshRequest.wholeDataset("orphan", "t"), FailureReason.UNKNOWN_DATA_SOURCE, "'gone'");
        assertEquals(List.of(), sink.events);
    }

    @Test
    public void connectorAndDeliveryFailuresCarryTheirReasonAndReleaseTheSource() {
        counting.failWith = new ConnectorException(ConnectorException.Reason.AUTHENTICATION_FAILED,
                "authentication failed for data source numbers");
        expectFailure(RefreshRequest.wholeDataset("two", "t"), FailureReason.AUTHENTICATION_FAILED,
                "authentication failed");
        counting.failWith = null;
        sink.failAfterRows = 10;
        expectFailure(RefreshRequest.wholeDataset("two", "t"), FailureReason.DELIVERY_FAILED, "relay gone");
        assertEquals("a source must be closed even when delivery fails", counting.opened, counting.closed);
    }

    @Test
    public void badConfigurationsAreRefusedWithTheMissingKey() {
        try {
            DatasetConfig.parse(Map.of("name", "d", "queries", "q", "query.q.text", "1"));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("query.q.datasource"));
        }
        try {
            DataSourceConfig.parse(Map.of("id", "s", "kind", "sql", "auth", "magic"));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("magic"));
        }
    }

    private void expectFailure(RefreshRequest request, FailureReason reason, String mention) {
        try {
            engine.refresh(request, sink);
            fail("refresh should fail with " + reason);
        } catch (RefreshException e) {
            assertEquals(reason, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains(mention));
        }
    }
}
