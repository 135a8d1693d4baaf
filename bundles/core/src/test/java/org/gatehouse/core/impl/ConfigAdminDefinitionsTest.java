package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.core.impl.vault.TestVault;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.junit.rules.TemporaryFolder;

/**
 * Definitions over an in-memory ConfigurationAdmin whose changes reach the registry as Declarative Services would
 * bring them (by {@link DataSourceConfig} and {@link DatasetConfig} parsing each configuration).
 */
public class ConfigAdminDefinitionsTest {

    private static final String SECRET = "s3cret-Pa55";

    @Rule
    public final TemporaryFolder etc = new TemporaryFolder();
    @Rule
    public final TemporaryFolder data = new TemporaryFolder();

    private final DefinitionRegistry registry = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final CountingConnector counting = new CountingConnector();
    /** What the simulated components registered, by configuration pid. */
    private final Map<String, Object> registered = new HashMap<>();
    /** When false, configuration changes no longer reach the registry (a component that fails). */
    private boolean componentsWork = true;
    private final InMemoryConfigurationAdmin configurationAdmin = new InMemoryConfigurationAdmin(this::deliver);
    private ConfigAdminDefinitions definitions;
    private TestVault vault;

    @Before
    public void start() throws Exception {
        connectors.add(counting, "1.0.0");
        definitions = new ConfigAdminDefinitions(configurationAdmin, registry, connectors, etc.getRoot().toPath(),
                Duration.ofMillis(300));
        vault = TestVault.inMemory(data.getRoot().toPath());
        definitions.setVault(vault.vault);
    }

    @After
    public void closeVault() {
        vault.close();
    }

    /** What a refresh of the data source would sign in with. */
    private Credentials refreshCredentials(String dataSourceId) throws Exception {
        return SignedInCredentials.of(registry.dataSource(dataSourceId).orElseThrow(), vault.vault, Instant.now());
    }

    private void deliver(InMemoryConfigurationAdmin.InMemoryConfiguration configuration,
                         Dictionary<String, Object> properties) {
        if (!componentsWork) {
            return;
        }
        Object previous = registered.remove(configuration.getPid());
        if (previous instanceof DataSourceDefinition source) {
            registry.removeDataSource(source);
        } else if (previous instanceof DatasetDefinition dataset) {
            registry.removeDataset(dataset);
        }
        if (properties == null) {
            return;
        }
        Map<String, Object> config = ConfigProperties.asMap(properties);
        if (ConfigAdminDefinitions.DATA_SOURCE_PID.equals(configuration.getFactoryPid())) {
            DataSourceDefinition source = DataSourceConfig.parse(config);
            registry.addDataSource(source);
            registered.put(configuration.getPid(), source);
        } else {
            DatasetDefinition dataset = DatasetConfig.parse(config);
            registry.addDataset(dataset);
            registered.put(configuration.getPid(), dataset);
        }
    }

    @Test
    public void aNewDataSourceIsAnonymousAndGetsItsFileInEtc() throws Exception {
        definitions.addDataSource("sales", "COUNT", Map.of("url", "jdbc:x:/data/a b;x=1", "fetchSize", "10"));

        DataSourceInfo info = definitions.dataSource("sales").orElseThrow();
        assertEquals(new DataSourceInfo("sales", "count", Map.of("url", "jdbc:x:/data/a b;x=1", "fetchSize", "10"),
                AuthenticationType.ANONYMOUS, null), info);
        assertEquals(List.of(info), definitions.dataSources());

        Path file = etc.getRoot().toPath().resolve("org.gatehouse.datasource-sales.cfg");
        assertEquals(Map.of("id", "sales", "kind", "count", "auth", "anonymous", "url", "jdbc:x:/data/a b;x=1",
                "fetchSize", "10"), load(file));
        Dictionary<String, Object> properties = configurationAdmin.listConfigurations(
                "(service.factoryPid=org.gatehouse.datasource)")[0].getProperties();
        assertEquals("FileInstall's link between configuration and file, spelled as FileInstall spells it",
                file.toFile().toURI().toString(), properties.get(FactoryConfigurations.FILEINSTALL_FILENAME));
        assertEquals("the named factory configuration FileInstall would make from that file",
                "org.gatehouse.datasource~sales", properties.get("service.pid"));
    }

    @Test
    public void duplicateIdsAndNamesAreRefused() {
        definitions.addDataSource("sales", "count", Map.of());
        expectRefusal(() -> definitions.addDataSource("sales", "count", Map.of()), "data source sales exists already");
        DatasetInfo dataset = new DatasetInfo("report", List.of(new QueryInfo("q", "sales", "3")));
        definitions.addDataset(dataset);
        expectRefusal(() -> definitions.addDataset(dataset), "dataset report exists already");
        assertEquals(2, configurationAdmin.all().size());
    }

    @Test
    public void aLeftoverFileInEtcIsNotOverwritten() throws Exception {
        Path leftover = etc.getRoot().toPath().resolve("org.gatehouse.datasource-sales.cfg");
        Files.writeString(leftover, "id = other\n");
        expectRefusal(() -> definitions.addDataSource("sales", "count", Map.of()), "exists already");
        assertEquals("id = other\n", Files.readString(leftover));
        assertTrue(definitions.dataSources().isEmpty());
    }

    @Test
    public void badNamesAndSettingsAreRefusedBeforeAnythingIsSaved() {
        expectRefusal(() -> definitions.addDataSource("two words", "count", Map.of()), "'two words' is not valid");
        expectRefusal(() -> definitions.addDataSource("s", "no kind!", Map.of()), "kind 'no kind!' is not valid");
        expectRefusal(() -> definitions.addDataSource("s", "count", Map.of("password", SECRET)),
                "sign the data source in instead");
        expectRefusal(() -> definitions.addDataSource("s", "count", Map.of("service.pid", "x")),
                "not a connection setting");
        expectRefusal(() -> definitions.addDataSource("s", "count", Map.of("url", "jdbc:h2:${karaf.data}/x")),
                "must not contain '${'");
        definitions.addDataSource("s", "count", Map.of());
        expectRefusal(() -> definitions.addDataset(new DatasetInfo("d", List.of())), "needs at least one query");
        expectRefusal(() -> definitions.addDataset(new DatasetInfo("d", List.of(new QueryInfo("a.b", "s", "1")))),
                "query name 'a.b' is not valid");
        expectRefusal(() -> definitions.addDataset(new DatasetInfo("d", List.of(new QueryInfo("q", "s", "1"),
                new QueryInfo("q", "s", "2")))), "two queries named q");
        expectRefusal(() -> definitions.addDataset(new DatasetInfo("d", List.of(new QueryInfo("q", "s", " ")))),
                "must not be empty");
        assertEquals(1, configurationAdmin.all().size());
        assertEquals(1, etc.getRoot().list().length);
    }

    @Test
    public void aDatasetMayOnlyUseDefinedDataSources() {
        expectRefusal(() -> definitions.addDataset(new DatasetInfo("report",
                List.of(new QueryInfo("q", "nope", "1")))), "query q uses data source 'nope', which is not defined");
        assertTrue(configurationAdmin.all().isEmpty());
    }

    @Test
    public void aNewDatasetKeepsItsQueryOrderAndRefreshesAtOnce() throws Exception {
        definitions.addDataSource("numbers", "count", Map.of());
        DatasetInfo dataset = new DatasetInfo("two", List.of(new QueryInfo("small", "numbers", "3"),
                new QueryInfo("big", "numbers", "500")));
        definitions.addDataset(dataset);

        assertEquals(dataset, definitions.dataset("two").orElseThrow());
        assertEquals(List.of(dataset), definitions.datasets());
        RecordingSink sink = new RecordingSink();
        new RefreshEngine(registry, connectors).refresh(RefreshRequest.wholeDataset("two", "test"), sink);
        assertEquals(List.of("begin small", "end small 3", "begin big", "end big 500"), sink.events);
    }

    @Test
    public void signInKeepsTheCredentialsForRefreshesAndNeverShowsTheSecret() throws Exception {
        definitions.addDataSource("sales", "count", Map.of("url", "x"));
        definitions.signIn("sales", Credentials.basic("reader", SECRET));

        DataSourceInfo info = definitions.dataSource("sales").orElseThrow();
        assertEquals(AuthenticationType.BASIC, info.authentication());
        assertEquals("reader", info.user());
        assertEquals(Map.of("url", "x"), info.settings());
        assertFalse(definitions.dataSources().toString().contains(SECRET));
        assertEquals("refreshes use the signed-in secret", SECRET,
                refreshCredentials("sales").secret().orElseThrow());
        assertEquals("the configuration only says where the credentials are", "vault",
                configurationAdmin.listConfigurations("(id=sales)")[0].getProperties().get("signin"));
        assertFalse(configurationAdmin.all().toString().contains(SECRET));

        definitions.signIn("sales", Credentials.basic("reader", SECRET));
        assertEquals("created, signed in once: signing in again the same way changes nothing", 2,
                configurationAdmin.listConfigurations("(id=sales)")[0].getChangeCount());

        definitions.signIn("sales", Credentials.anonymous());
        assertEquals(AuthenticationType.ANONYMOUS, definitions.dataSource("sales").orElseThrow().authentication());
        assertNull(definitions.dataSource("sales").orElseThrow().user());
        assertTrue("signing in anonymously drops the stored secret",
                refreshCredentials("sales").secret().isEmpty());
    }

    @Test
    public void signInIsRefusedWhenTheConnectorDoesNotSupportTheType() throws Exception {
        definitions.addDataSource("sales", "count", Map.of());
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> definitions.signIn("sales", Credentials.of(AuthenticationType.OAUTH2, null, SECRET)));
        assertEquals("data source sales (kind count) does not support OAUTH2 sign-in; supported: ANONYMOUS, BASIC, "
                + "WINDOWS", refusal.getMessage());
        assertEquals(AuthenticationType.ANONYMOUS, definitions.dataSource("sales").orElseThrow().authentication());

        counting.supported = EnumSet.of(AuthenticationType.KEY);
        expectRefusal(() -> definitions.signIn("sales", Credentials.of(AuthenticationType.KEY, "keyname", "")),
                "KEY sign-in needs a key");
        definitions.signIn("sales", Credentials.of(AuthenticationType.KEY, null, "a${b}"));
        assertEquals("a secret is stored as it is, placeholders and all", "a${b}",
                refreshCredentials("sales").secret().orElseThrow());
    }

    @Test
    public void signInAndTestNeedTheConnectorInstalled() {
        definitions.addDataSource("sales", "count", Map.of());
        connectors.removeConnector(counting);
        expectRefusal(() -> definitions.signIn("sales", Credentials.basic("u", SECRET)),
                "data source sales (kind count) cannot be signed in: connector count is not installed");
        expectRefusal(() -> definitions.testDataSource("sales"), "connector count is not installed");
    }

    @Test
    public void testingADataSourceAsksItsConnectorWithItsCredentials() throws Exception {
        definitions.addDataSource("sales", "count", Map.of());
        definitions.signIn("sales", Credentials.basic("reader", SECRET));
        definitions.testDataSource("sales");
        assertEquals("BASIC(reader)", counting.testedWith.toString());

        counting.failWith = new ConnectorException(ConnectorException.Reason.AUTHENTICATION_FAILED,
                "authentication failed for data source sales");
        ConnectorException failure = assertThrows(ConnectorException.class, () -> definitions.testDataSource("sales"));
        assertSame(counting.failWith, failure);
    }

    @Test
    public void aScheduledDatasetIsNotRemovedUntilItsScheduleIsCleared() {
        definitions.addDataSource("sales", "count", Map.of());
        definitions.addDataset(new DatasetInfo("report", List.of(new QueryInfo("q", "sales", "1"))));
        java.util.Set<String> scheduled = new java.util.HashSet<>(java.util.Set.of("report"));
        definitions.setSchedules((org.gatehouse.api.schedule.Schedules) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.gatehouse.api.schedule.Schedules.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        // only presence matters here; a real schedule's content is ScheduleService's business
                        return scheduled.contains((String) args[0])
                                ? java.util.Optional.of(new Object()) : java.util.Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        expectRefusal(() -> definitions.removeDataset("report"),
                "dataset report is scheduled; clear its schedule first (gateway:schedule-clear report)");
        scheduled.clear();
        definitions.removeDataset("report");
        assertTrue(definitions.dataset("report").isEmpty());
    }

    @Test
    public void aDataSourceInUseIsNotRemovedAndTheRefusalNamesItsDatasets() throws Exception {
        definitions.addDataSource("sales", "count", Map.of());
        definitions.addDataset(new DatasetInfo("b-report", List.of(new QueryInfo("q", "sales", "1"))));
        definitions.addDataset(new DatasetInfo("a-report", List.of(new QueryInfo("q", "sales", "1"))));
        expectRefusal(() -> definitions.removeDataSource("sales"),
                "data source sales is used by datasets a-report, b-report; remove them first");

        definitions.removeDataset("a-report");
        expectRefusal(() -> definitions.removeDataSource("sales"),
                "data source sales is used by dataset b-report; remove it first");
        definitions.removeDataset("b-report");
        definitions.removeDataSource("sales");

        assertTrue(definitions.dataSources().isEmpty());
        assertTrue(definitions.datasets().isEmpty());
        assertTrue(configurationAdmin.all().isEmpty());
        assertEquals("every etc/ file goes with its definition", 0, etc.getRoot().list().length);
    }

    @Test
    public void unknownIdsAreRefused() {
        expectRefusal(() -> definitions.removeDataSource("nope"), "no data source nope is defined");
        expectRefusal(() -> definitions.removeDataset("nope"), "no dataset nope is defined");
        expectRefusal(() -> definitions.signIn("nope", Credentials.anonymous()), "no data source nope is defined");
        expectRefusal(() -> definitions.testDataSource("nope"), "no data source nope is defined");
        assertTrue(definitions.dataSource("nope").isEmpty());
        assertTrue(definitions.dataset("nope").isEmpty());
    }

    @Test
    public void aChangeTheGatewayDoesNotTakeUpIsReportedAfterTheWait() {
        componentsWork = false;
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> definitions.addDataSource("sales", "count", Map.of()));
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("data source sales was added, but the "
                + "gateway has not taken it up"));
    }

    private static void expectRefusal(ThrowingRunnable change, String mention) {
        Exception refusal = assertThrows(IllegalArgumentException.class, change);
        assertTrue(refusal.getMessage(), refusal.getMessage().contains(mention));
        assertFalse(refusal.getMessage(), refusal.getMessage().contains(SECRET));
    }

    private static Map<String, String> load(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
