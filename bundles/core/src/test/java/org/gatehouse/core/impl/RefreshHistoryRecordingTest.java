package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The refresh engine records every refresh in a real (H2) gateway store, and refreshes without one. */
public class RefreshHistoryRecordingTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final RefreshEngine engine = new RefreshEngine(definitions, connectors);
    private final CountingConnector counting = new CountingConnector();
    private final RecordingSink sink = new RecordingSink();
    private GatewayStore store;

    @Before
    public void openStoreAndDefine() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 60, 1000), Clock.systemUTC());
        engine.setHistory(store.recorder());
        definitions.addDataSource(DataSourceConfig.parse(Map.of("id", "numbers", "kind", "count")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "two", "queries", "small, big",
                "query.small.datasource", "numbers", "query.small.text", "3",
                "query.big.datasource", "numbers", "query.big.text", "500")));
        connectors.add(counting, "1.0.0");
    }

    @After
    public void closeStore() {
        store.close();
    }

    @Test
    public void aSuccessfulRefreshIsRecordedWithItsRowsAndBytes() throws Exception {
        engine.refresh(RefreshRequest.wholeDataset("two", "shell:alice"), sink);
        HistoryEntry entry = latest();
        assertEquals("two", entry.dataset());
        assertEquals("shell:alice", entry.trigger());
        assertEquals(RefreshStatus.SUCCEEDED, entry.status());
        assertEquals(503, entry.rows());
        assertEquals(503 * RecordingSink.BYTES_PER_ROW, entry.bytes());
        assertNull(entry.reason());
    }

    @Test
    public void aRefreshWithWarningsSucceedsAndKeepsThemInItsHistoryAndOutcome() throws Exception {
        counting.warnings = List.of("1 cell's value is an error and was loaded as empty");
        RefreshOutcome outcome = engine.refresh(RefreshRequest.wholeDataset("two", "shell:alice"), sink);
        assertEquals(List.of("small: 1 cell's value is an error and was loaded as empty",
                "big: 1 cell's value is an error and was loaded as empty"), outcome.warnings());
        HistoryEntry entry = latest();
        assertEquals(RefreshStatus.SUCCEEDED, entry.status());
        assertEquals(503, entry.rows());
        assertEquals("WARNINGS: small: 1 cell's value is an error and was loaded as empty"
                + " | big: 1 cell's value is an error and was loaded as empty", entry.reason());
    }

    @Test
    public void failuresAreRecordedWithTheirCodeMessageAndHowFarTheyGot() throws Exception {
        sink.failAfterRows = 10;
        expectFailure(RefreshRequest.wholeDataset("two", "relay"));
        HistoryEntry lostRelay = latest();
        assertEquals(RefreshStatus.FAILED, lostRelay.status());
        assertEquals(10, lostRelay.rows());
        assertEquals(10 * RecordingSink.BYTES_PER_ROW, lostRelay.bytes());
        assertEquals("DELIVERY_FAILED: the result could not be delivered: relay gone", lostRelay.reason());

        sink.failAfterRows = -1;
        counting.failWith = new ConnectorException(ConnectorException.Reason.AUTHENTICATION_FAILED,
                "authentication failed for data source numbers");
        expectFailure(RefreshRequest.wholeDataset("two", "relay"));
        assertEquals("AUTHENTICATION_FAILED: authentication failed for data source numbers", latest().reason());

        expectFailure(RefreshRequest.wholeDataset("no-such-dataset", "relay"));
        assertEquals("no-such-dataset", latest().dataset());
        assertEquals("UNKNOWN_DATASET: dataset 'no-such-dataset' is not defined on this gateway", latest().reason());
    }

    @Test
    public void aCancelledReadIsRecordedAsCancelled() throws Exception {
        counting.failWith = new ConnectorException(ConnectorException.Reason.CANCELLED, "read of numbers cancelled");
        expectFailure(RefreshRequest.wholeDataset("two", "relay"));
        assertEquals(RefreshStatus.CANCELLED, latest().status());
        assertEquals("read of numbers cancelled", latest().reason());
    }

    @Test
    public void refreshesGoOnWhenTheStoreFailsOrIsGone() throws Exception {
        try (Connection connection = new org.h2.Driver().connect("jdbc:h2:" + folder.getRoot() + "/store",
                new Properties()); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE refresh_history");
        }
        assertEquals("every history write now fails", 503,
                engine.refresh(RefreshRequest.wholeDataset("two", "relay"), sink).rows());
        store.awaitWrites(Duration.ofSeconds(10));
        store.close();
        assertEquals(503, engine.refresh(RefreshRequest.wholeDataset("two", "relay"), sink).rows());
        engine.unsetHistory(store.recorder());
        assertEquals(503, engine.refresh(RefreshRequest.wholeDataset("two", "relay"), sink).rows());
    }

    private void expectFailure(RefreshRequest request) {
        try {
            engine.refresh(request, sink);
            fail("refresh should have failed");
        } catch (RefreshException expected) {
            // recorded in history, which the test checks
        }
    }

    private HistoryEntry latest() throws Exception {
        store.awaitWrites(Duration.ofSeconds(10));
        List<HistoryEntry> entries = store.history().recent(null, false, 1);
        assertEquals(1, entries.size());
        return entries.get(0);
    }
}
