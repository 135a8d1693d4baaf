package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.gatehouse.api.Connector;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RawExchange;
import org.gatehouse.client.SignIn;
import org.gatehouse.protocol.ErrorCode;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.Operation;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.SealedSecret;
import org.gatehouse.protocol.TableHeader;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The credential vault in the booted distribution: open at first start without a recovery key, its public key in the
 * heartbeat, key and OAuth2 sign-ins (through a connector registered here that takes them), a token that expires,
 * the recovery key, export and import, and no secret in etc/, the store, or the logs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VaultIT extends GatehouseTestSupport {

    private static final String OWNER = "owner";
    private static final String GATEWAY = "local";
    private static final Duration COMMANDS_TIMEOUT = Duration.ofSeconds(90);
    private static final String TOKEN = "tok-" + UUID.randomUUID();
    private static final String RECOVERY_KEY = "recovery-" + UUID.randomUUID();
    private static KarafShell shell;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    @Filter(timeout = 120_000)
    private CredentialVault vault;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"));
    }

    @Before
    public void prepareOnce() throws Exception {
        if (shell != null) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Connector.KIND_PROPERTY, TokenProbeConnector.KIND);
        bundleContext.registerService(Connector.class, new TokenProbeConnector(), properties);
        KarafShell karaf = new KarafShell(sessionFactory, OWNER);
        karaf.awaitCommand("gateway:status", COMMANDS_TIMEOUT);
        shell = karaf;
    }

    @Test
    public void theHeartbeatPublishesTheVaultsPublicKey() throws Exception {
        try (GatehouseClient client = GatehouseClient.connect(RelayEndpoint.parse(relayUrl(), null, null))) {
            Heartbeat heartbeat = client.awaitHeartbeat("local", Duration.ofSeconds(60)).orElseThrow();
            assertEquals(vault.publicKey(), heartbeat.publicKey());
            String status = shell.run("gateway:vault-status").ok();
            assertTrue(status, status.contains(SealedSecret.fingerprint(
                    SealedSecret.decodePublicKey(heartbeat.publicKey()))));
            assertTrue(status, status.matches("(?s).*State\\s*\\S?\\s*open.*"));
        }
    }

    @Test
    public void anOAuth2TokenServesRefreshesUntilItExpires() throws Exception {
        addTokenProbeSource("api");
        String unsupported = shell.run("gateway:datasource-signin --auth basic --user u --password-file "
                + secretFile(TOKEN) + " api").refused();
        assertTrue(unsupported, unsupported.contains("does not support BASIC sign-in; supported: KEY, OAUTH2"));

        shell.run("gateway:datasource-signin --auth oauth2 --expires 6s --password-file " + secretFile(TOKEN)
                + " api").ok();
        shell.run("gateway:dataset-add --query \"who=api:whoami\" api-report").ok();
        String refreshed = shell.run("gateway:refresh --wait api-report").ok();
        assertTrue(refreshed, refreshed.contains("SUCCEEDED"));
        assertTrue(shell.run("gateway:datasource-show api").ok().contains("Expires"));

        List<String> notYetExpired = Eventually.problemsAfter(Duration.ofSeconds(20), () -> {
            KarafShell.Outcome outcome = shell.run("gateway:refresh --wait api-report");
            String failed = outcome.output() + outcome.error();
            return failed.contains("token expired") ? List.of() : List.of(failed);
        });
        assertTrue("the refresh never failed as expired: " + notYetExpired, notYetExpired.isEmpty());
        String history = shell.run("gateway:history --failed api-report").ok();
        assertTrue(history, history.contains("token expired"));
        assertTrue(shell.run("gateway:datasource-show api").ok().contains("expired: sign in again"));

        shell.run("gateway:datasource-signin --auth key --password-file " + secretFile(TOKEN) + " api").ok();
        assertTrue(shell.run("gateway:refresh --wait api-report").ok().contains("SUCCEEDED"));
        assertNowhereAtRest(TOKEN);
    }

    @Test
    public void aViewerSeesTheGatewayButCannotChangeItOrTouchCredentials() {
        KarafShell viewer = new KarafShell(sessionFactory, "watcher", "viewer");
        assertTrue(viewer.run("gateway:vault-status").ok().contains("Public key"));
        viewer.run("gateway:datasource-list").ok();
        for (String command : new String[] {"gateway:datasource-add --kind sql --set url=jdbc:h2:mem:x viewer-source",
                "gateway:vault-recovery-key --key-file /nonexistent", "gateway:refresh demo-sales",
                "gateway:export /tmp/viewer.export"}) {
            // Karaf's command ACL hides what a user may not run, or refuses it when arguments decide
            String refused = viewer.run(command).refused();
            assertTrue(command + ": " + refused, refused.contains("Command not found")
                    || refused.contains("Insufficient credentials"));
        }
        assertFalse(shell.run("gateway:datasource-list").ok().contains("viewer-source"));
    }

    @Test
    public void theServiceDefinesAndSignsInThroughTheRelayWithASealedSecret() throws Exception {
        try (GatehouseClient client = GatehouseClient.connect(RelayEndpoint.parse(relayUrl(), null, null),
                ClientOptions.defaults().withFirstMessageTimeout(Duration.ofSeconds(60)))) {
            client.addDataSource(GATEWAY, "remote-api", TokenProbeConnector.KIND,
                    Map.of("expected-sha256", TokenProbeConnector.sha256(TOKEN)));
            client.signIn(GATEWAY, "remote-api", SignIn.oauth2(TOKEN, Instant.now().plus(Duration.ofHours(1))));
            client.addDataset(GATEWAY, "remote-report", List.of(new GatehouseClient.DatasetQuery("who", "remote-api",
                    "whoami")));

            List<Object[]> rows = new ArrayList<>();
            client.refreshDataset(GATEWAY, "remote-report", new ResultStreamReader.Listener() {
                @Override
                public void beginTable(TableHeader table) {
                }

                @Override
                public void row(Object[] values) {
                    rows.add(values.clone());
                }
            });
            assertEquals(1, rows.size());
            assertEquals("OAUTH2", rows.get(0)[0]);
            assertEquals(TOKEN.length(), rows.get(0)[1]);
            String show = shell.run("gateway:datasource-show remote-api").ok();
            assertTrue(show, show.contains("oauth2") && show.contains("Expires"));

            RemoteErrorException duplicate = assertThrows(RemoteErrorException.class, () -> client.addDataSource(
                    GATEWAY, "remote-api", TokenProbeConnector.KIND, Map.of()));
            assertEquals(ErrorCode.REFUSED, duplicate.code());
            assertTrue(duplicate.getMessage(), duplicate.getMessage().contains("exists already"));
            RemoteErrorException inUse = assertThrows(RemoteErrorException.class,
                    () -> client.removeDataSource(GATEWAY, "remote-api"));
            assertTrue(inUse.getMessage(), inUse.getMessage().contains("remote-report"));

            // a secret sent in clear is refused: the gateway only takes one sealed with its public key
            RemoteErrorException plain = assertThrows(RemoteErrorException.class, () -> sendPlainSignIn(client));
            assertEquals(ErrorCode.REFUSED, plain.code());
            assertTrue(plain.getMessage(), plain.getMessage().contains("sealed"));

            client.removeDataset(GATEWAY, "remote-report");
            client.removeDataSource(GATEWAY, "remote-api");
            assertTrue(shell.run("gateway:datasource-show remote-api").refused().contains("remote-api"));
        }
        assertNowhereAtRest(TOKEN);
    }

    /** A sign-in request written by hand with the secret in clear, as a careless service might send it. */
    private static void sendPlainSignIn(GatehouseClient client) throws Exception {
        try (RawExchange raw = client.openExchange()) {
            String correlationId = UUID.randomUUID().toString();
            raw.send(Protocol.requestAddress(GATEWAY), RequestMessage.administrative(correlationId, raw.replyAddress(),
                    Operation.DATA_SOURCE_SIGN_IN, Map.of("id", "remote-api", "auth", "key", "secret",
                            "plain-" + UUID.randomUUID())).toFrame());
            Frame answer = raw.receive(Duration.ofSeconds(60)).orElseThrow();
            throw new RemoteErrorException(answer.string(Protocol.ERROR_CODE), answer.string(Protocol.ERROR_MESSAGE));
        }
    }

    @Test
    public void anExportNeedsTheRecoveryKeyAndHoldsNoSecret() throws Exception {
        addTokenProbeSource("exported-api");
        shell.run("gateway:datasource-signin --auth key --password-file " + secretFile(TOKEN) + " exported-api")
                .ok();
        Path export = Path.of(System.getProperty("karaf.data"), "vault-it", "gateway.export");
        Path keyFile = secretFile(RECOVERY_KEY);
        if (!vault.status().recoveryKeySet()) {
            String refused = shell.run("gateway:export " + export).refused();
            assertTrue(refused, refused.contains("gateway:vault-recovery-key"));
            shell.run("gateway:vault-recovery-key --key-file " + keyFile).ok();
        }
        assertTrue(shell.run("gateway:vault-status").ok().matches("(?s).*Recovery key\\s*\\S?\\s*set.*"));

        assertTrue(shell.run("gateway:export " + export).ok().contains("exported"));
        String exported = Files.readString(export);
        assertTrue(exported, exported.contains("exported-api"));
        assertFalse("the export holds the key in clear", exported.contains(TOKEN));

        String wrongKey = shell.run("gateway:import --key-file " + secretFile("not the recovery key") + " "
                + export).refused();
        assertTrue(wrongKey, wrongKey.contains("does not open"));
        String reimported = shell.run("gateway:import --key-file " + keyFile + " " + export).ok();
        assertTrue(reimported, reimported.contains("skipped data source exported-api: exists here already"));
        assertNowhereAtRest(TOKEN);
        assertNowhereAtRest(RECOVERY_KEY);
    }

    /** Neither etc/, nor the gateway's data (store, machine key), nor the logs, nor any command's output. */
    private static void assertNowhereAtRest(String secret) throws IOException {
        Path data = Path.of(System.getProperty("karaf.data"));
        Path etc = Path.of(System.getProperty("karaf.etc"));
        for (Path root : List.of(etc, data.resolve("gatehouse"), data.resolve("log"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertFalse("the secret is in " + file, content.contains(secret));
                }
            }
        }
        for (String printed : shell.everythingPrinted()) {
            assertFalse("a command printed the secret:\n" + printed, printed.contains(secret));
        }
    }

    private static void addTokenProbeSource(String id) {
        shell.run("gateway:datasource-add --kind token-probe --set expected-sha256="
                + TokenProbeConnector.sha256(TOKEN) + " " + id).ok();
    }

    /** A file in the data directory whose first line is the secret, for the commands' --*-file options. */
    private static Path secretFile(String secret) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "vault-it"));
        Path file = Files.createTempFile(folder, "secret", ".txt");
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
