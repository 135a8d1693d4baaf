package org.gatehouse.core.impl.vault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.GatewayTransfer;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Moving a gateway: export on one vault, import on another with its own store and machine key. */
public class VaultTransferTest {

    private static final String SECRET = "Moved-s3cret-4b1";
    private static final char[] RECOVERY = "the owner's recovery key".toCharArray();

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private TestVault oldMachine;
    private TestVault newMachine;
    private final Definitions oldDefinitions = new Definitions();
    private final Definitions newDefinitions = new Definitions();

    @Before
    public void open() throws Exception {
        oldMachine = TestVault.inMemory(folder.newFolder("old").toPath());
        newMachine = TestVault.inMemory(folder.newFolder("new").toPath());
        oldDefinitions.vault = oldMachine.vault;
        newDefinitions.vault = newMachine.vault;
    }

    @After
    public void close() {
        oldMachine.close();
        newMachine.close();
    }

    @Test
    public void everythingMovesAndTheSecretsOnlyWithTheRecoveryKey() throws Exception {
        oldDefinitions.addDataSource("sales", "sql", Map.of("url", "jdbc:postgresql://db/sales"));
        oldDefinitions.signIn("sales", Credentials.basic("reader", SECRET));
        oldDefinitions.addDataSource("api", "web", Map.of("url", "https://api.example"));
        oldDefinitions.signIn("api", Credentials.of(AuthenticationType.KEY, null, SECRET + "-key"));
        oldDefinitions.addDataset(new DatasetInfo("report", List.of(new DatasetInfo.QueryInfo("q", "sales",
                "SELECT 1\nFROM x -- with = and : in it"))));
        Path file = folder.getRoot().toPath().resolve("gateway.export");
        GatewayTransfer from = new VaultTransfer(oldDefinitions, oldMachine.vault);

        IllegalStateException noRecoveryKey = assertThrows(IllegalStateException.class, () -> from.exportTo(file));
        assertTrue(noRecoveryKey.getMessage(), noRecoveryKey.getMessage().contains("gateway:vault-recovery-key"));
        oldMachine.vault.setRecoveryKey(RECOVERY, null);
        GatewayTransfer.Summary exported = from.exportTo(file);
        assertEquals(List.of("sales", "api"), exported.dataSources());
        assertFalse("the export holds no secret in clear", Files.readString(file).contains(SECRET));

        GatewayTransfer to = new VaultTransfer(newDefinitions, newMachine.vault);
        IllegalArgumentException wrongKey = assertThrows(IllegalArgumentException.class,
                () -> to.importFrom(file, "a wrong recovery key".toCharArray()));
        assertTrue(wrongKey.getMessage(), wrongKey.getMessage().contains("does not open"));
        assertTrue("nothing is imported with a wrong key", newDefinitions.dataSources().isEmpty());

        newDefinitions.addDataSource("api", "web", Map.of());
        GatewayTransfer.Summary imported = to.importFrom(file, RECOVERY);
        assertEquals(List.of("sales"), imported.dataSources());
        assertEquals(List.of("report"), imported.datasets());
        assertEquals(List.of("data source api: exists here already"), imported.skipped());
        assertEquals(SECRET, newMachine.vault.credentials("sales").orElseThrow().secret().orElseThrow());
        assertEquals(oldDefinitions.dataset("report"), newDefinitions.dataset("report"));
        assertEquals(Map.of("url", "jdbc:postgresql://db/sales"),
                newDefinitions.dataSource("sales").orElseThrow().settings());
    }

    @Test
    public void aFileThatIsNoExportIsRefused() throws Exception {
        Path file = folder.newFile("other.properties").toPath();
        Files.writeString(file, "format=something-else\n");
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> new VaultTransfer(newDefinitions, newMachine.vault).importFrom(file, RECOVERY));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("is not a Gatehouse export"));
    }

    /** Definitions kept in maps, signing in through a real vault. */
    private static final class Definitions implements GatewayDefinitions {
        StoredVault vault;
        private final Map<String, DataSourceInfo> sources = new LinkedHashMap<>();
        private final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();

        @Override
        public List<DataSourceInfo> dataSources() {
            return new ArrayList<>(sources.values());
        }

        @Override
        public Optional<DataSourceInfo> dataSource(String id) {
            return Optional.ofNullable(sources.get(id));
        }

        @Override
        public List<DatasetInfo> datasets() {
            return new ArrayList<>(datasets.values());
        }

        @Override
        public Optional<DatasetInfo> dataset(String name) {
            return Optional.ofNullable(datasets.get(name));
        }

        @Override
        public void addDataSource(String id, String kind, Map<String, String> settings) {
            sources.put(id, new DataSourceInfo(id, kind, settings, AuthenticationType.ANONYMOUS, null));
        }

        @Override
        public void signIn(String dataSourceId, Credentials credentials) {
            vault.save(dataSourceId, credentials);
        }

        @Override
        public void removeDataSource(String id) {
            sources.remove(id);
        }

        @Override
        public void addDataset(DatasetInfo dataset) {
            datasets.put(dataset.name(), dataset);
        }

        @Override
        public void removeDataset(String name) {
            datasets.remove(name);
        }

        @Override
        public void testDataSource(String id) {
        }
    }
}
