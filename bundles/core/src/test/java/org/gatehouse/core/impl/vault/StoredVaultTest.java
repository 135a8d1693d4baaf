package org.gatehouse.core.impl.vault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.VaultStatus;
import org.gatehouse.protocol.SealedSecret;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StoredVaultTest {

    private static final String SECRET = "Vault-s3cret-9f2";
    private static final char[] RECOVERY = "correct horse battery".toCharArray();

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private TestVault test;
    private StoredVault vault;

    @Before
    public void open() throws Exception {
        test = TestVault.inMemory(folder.newFolder("machine-a").toPath());
        vault = test.vault;
    }

    @After
    public void close() {
        test.close();
    }

    @Test
    public void secretsAreEncryptedAtRestAndReadBackForRefreshes() throws Exception {
        vault.save("sales", Credentials.basic("reader", SECRET));
        vault.save("api", Credentials.of(AuthenticationType.KEY, "key1", SECRET + "-key"));

        assertEquals(SECRET, vault.credentials("sales").orElseThrow().secret().orElseThrow());
        assertEquals("reader", vault.credentials("sales").orElseThrow().user().orElseThrow());
        assertEquals(SECRET + "-key", vault.credentials("api").orElseThrow().secret().orElseThrow());
        assertFalse("no table holds a secret in clear", everythingStored().contains(SECRET));
        assertEquals(2, vault.status().signedInDataSources());

        vault.remove("api");
        assertTrue(vault.credentials("api").isEmpty());
        assertFalse(vault.toString().contains(SECRET));
    }

    @Test
    public void aStoredSecretMovedToAnotherDataSourceDoesNotDecrypt() throws Exception {
        vault.save("sales", Credentials.basic("reader", SECRET));
        vault.save("other", Credentials.basic("reader", "x"));
        try (Statement statement = test.store.connection().use(c -> c.createStatement())) {
            statement.executeUpdate("UPDATE vault_credentials SET secret = (SELECT secret FROM vault_credentials "
                    + "WHERE data_source = 'sales') WHERE data_source = 'other'");
        }
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> vault.credentials("other"));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("do not decrypt"));
        assertFalse(refusal.getMessage().contains(SECRET));
    }

    @Test
    public void anotherMachineKeyFindsTheVaultLockedUntilTheRecoveryKeyUnlocksIt() throws Exception {
        vault.setRecoveryKey(RECOVERY, null);
        vault.save("sales", Credentials.basic("reader", SECRET));
        Path otherMachine = folder.newFolder("machine-b").toPath();

        StoredVault moved = StoredVault.open(test.store.connection(), new MachineKey(otherMachine.resolve("machine.key")),
                Clock.systemUTC());
        assertEquals(VaultStatus.State.LOCKED, moved.status().state());
        IllegalStateException locked = assertThrows(IllegalStateException.class, () -> moved.credentials("sales"));
        assertTrue(locked.getMessage(), locked.getMessage().contains("gateway:vault-unlock"));

        assertThrows(IllegalArgumentException.class, () -> moved.unlock("not the recovery key".toCharArray()));
        assertEquals(VaultStatus.State.LOCKED, moved.status().state());
        moved.unlock(RECOVERY);
        assertEquals(VaultStatus.State.OPEN, moved.status().state());
        assertEquals(SECRET, moved.credentials("sales").orElseThrow().secret().orElseThrow());

        StoredVault reopened = StoredVault.open(test.store.connection(),
                new MachineKey(otherMachine.resolve("machine.key")), Clock.systemUTC());
        assertEquals("the new machine's key opens it from now on", VaultStatus.State.OPEN,
                reopened.status().state());
        assertEquals(vault.publicKey(), reopened.publicKey());
    }

    @Test
    public void theRecoveryKeyIsChosenOnceAndChangedOnlyWithTheCurrentOne() {
        assertFalse(vault.status().recoveryKeySet());
        assertThrows(IllegalArgumentException.class, () -> vault.setRecoveryKey("short".toCharArray(), null));
        vault.setRecoveryKey(RECOVERY, null);
        assertTrue(vault.status().recoveryKeySet());

        IllegalArgumentException noCurrent = assertThrows(IllegalArgumentException.class,
                () -> vault.setRecoveryKey("another long recovery key".toCharArray(), null));
        assertTrue(noCurrent.getMessage(), noCurrent.getMessage().contains("current one"));
        assertThrows(IllegalArgumentException.class, () -> vault.setRecoveryKey(
                "another long recovery key".toCharArray(), "wrong current key".toCharArray()));
        vault.setRecoveryKey("another long recovery key".toCharArray(), RECOVERY);
        vault.unlock("another long recovery key".toCharArray());
    }

    @Test
    public void aSecretSealedWithThePublicKeyOpensOnlyForItsDataSource() throws Exception {
        String sealed = SealedSecret.seal(SealedSecret.decodePublicKey(vault.publicKey()),
                SealedSecret.associatedData("sales"), SECRET);
        assertFalse(sealed.contains(SECRET));

        assertEquals(SECRET, vault.openSealed("sales", sealed));
        IllegalArgumentException replayed = assertThrows(IllegalArgumentException.class,
                () -> vault.openSealed("other", sealed));
        assertTrue(replayed.getMessage(), replayed.getMessage().contains("another data source"));
        assertThrows(IllegalArgumentException.class, () -> vault.openSealed("sales", "not sealed"));
        assertThrows(IllegalArgumentException.class, () -> vault.openSealed("sales",
                sealed.substring(0, sealed.length() - 4) + "AAAA"));
    }

    @Test
    public void anExpiryIsKeptWithTheCredentials() {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        vault.save("api", Credentials.oauth2(SECRET, expires));
        Credentials read = vault.credentials("api").orElseThrow();
        assertEquals(AuthenticationType.OAUTH2, read.type());
        assertEquals(expires, read.expiresAt().orElseThrow());
        assertEquals(expires, vault.signIn("api").orElseThrow().expiresAt());
        assertFalse(read.expiredAt(Instant.now()));
        assertTrue(read.expiredAt(expires));
    }

    @Test
    public void theMachineKeyFileIsForTheGatewaysUserOnly() throws Exception {
        Path key = folder.getRoot().toPath().resolve("machine-a").resolve("machine.key");
        assertTrue(Files.exists(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
    }

    /** Every value of every vault table, as one string. */
    private String everythingStored() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String table : new String[] {"vault_key", "vault_credentials"}) {
            test.store.connection().use(c -> {
                try (Statement statement = c.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            all.append(rows.getString(i)).append('|');
                        }
                    }
                }
                return null;
            });
        }
        return all.toString();
    }
}
