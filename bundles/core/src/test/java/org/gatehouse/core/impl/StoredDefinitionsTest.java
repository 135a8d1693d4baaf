package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.core.impl.vault.TestVault;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * With the gateway store open, what the owner or the service defines goes into the store - not etc/ - and comes
 * back from it when the store opens again (the next start), signed in through the vault.
 */
public class StoredDefinitionsTest {

    private static final String SECRET = "st0red-Secret";

    @Rule
    public final TemporaryFolder etc = new TemporaryFolder();
    @Rule
    public final TemporaryFolder data = new TemporaryFolder();

    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final CountingConnector counting = new CountingConnector();
    private final InMemoryConfigurationAdmin configurationAdmin = new InMemoryConfigurationAdmin((c, p) -> { });
    private TestVault vault;
    private DefinitionRegistry registry;
    private StoredDefinitions stored;
    private ConfigAdminDefinitions definitions;

    @Before
    public void start() throws Exception {
        connectors.add(counting, "1.0.0");
        vault = TestVault.inMemory(data.getRoot().toPath());
        startGateway();
    }

    /** A gateway start: a fresh registry, filled from the store. */
    private void startGateway() {
        registry = new DefinitionRegistry();
        stored = new StoredDefinitions(registry, vault.store.definitions());
        definitions = new ConfigAdminDefinitions(configurationAdmin, registry, connectors, etc.getRoot().toPath(),
                Duration.ofMillis(300));
        definitions.setVault(vault.vault);
        definitions.setStored(stored);
    }

    @After
    public void stop() {
        vault.close();
    }

    @Test
    public void definitionsAndSignInsLiveInTheStoreAndComeBackAtTheNextStart() throws Exception {
        definitions.addDataSource("numbers", "count", Map.of("url", "x"));
        definitions.signIn("numbers", Credentials.basic("reader", SECRET));
        definitions.addDataset(new DatasetInfo("two", List.of(new QueryInfo("small", "numbers", "3"),
                new QueryInfo("big", "numbers", "500")), "gatehouse.local.two"));
        IllegalArgumentException badAddress = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> definitions.addDataset(new DatasetInfo("three", List.of(new QueryInfo("q", "numbers", "1")),
                        "no spaces allowed")));
        assertTrue(badAddress.getMessage(), badAddress.getMessage().contains("not a relay address"));
        assertEquals("nothing goes to etc/", 0, etc.getRoot().list().length);
        assertTrue(configurationAdmin.all().isEmpty());

        stored.deactivate();
        startGateway();
        assertEquals(AuthenticationType.BASIC, definitions.dataSource("numbers").orElseThrow().authentication());
        assertEquals("reader", definitions.dataSource("numbers").orElseThrow().user());
        assertEquals("gatehouse.local.two", definitions.dataset("two").orElseThrow().destination());
        assertEquals(SECRET, SignedInCredentials.of(registry.dataSource("numbers").orElseThrow(), vault.vault,
                Instant.now()).secret().orElseThrow());
        RecordingSink sink = new RecordingSink();
        RefreshEngine engine = new RefreshEngine(registry, connectors);
        engine.setVault(vault.vault);
        engine.refresh(RefreshRequest.wholeDataset("two", "test"), sink);
        assertEquals(List.of("begin small", "end small 3", "begin big", "end big 500"), sink.events);

        definitions.removeDataset("two");
        definitions.removeDataSource("numbers");
        assertTrue(vault.vault.credentials("numbers").isEmpty());
        stored.deactivate();
        startGateway();
        assertTrue(definitions.dataSources().isEmpty());
        assertTrue(definitions.datasets().isEmpty());
    }

    @Test
    public void aNewDataSourceIsAnonymousUntilSignedIn() throws Exception {
        definitions.addDataSource("numbers", "count", Map.of());
        assertEquals(AuthenticationType.ANONYMOUS, definitions.dataSource("numbers").orElseThrow().authentication());
        definitions.testDataSource("numbers");
        assertEquals("ANONYMOUS", counting.testedWith.toString());
        assertFalse(definitions.dataSource("numbers").orElseThrow().toString().contains(SECRET));
    }
}
