package org.gatehouse.core.impl.vault;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.VaultStatus;
import org.gatehouse.core.impl.store.StoreConnection;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.SealedSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential vault kept in the gateway store. One random AES-256 gateway key encrypts every secret (AES-GCM, the
 * data source, type and user as associated data) and the gateway's RSA private key. The gateway key itself is stored
 * twice, encrypted: with this machine's key ({@link MachineKey}), which opens it at every start, and - once the owner
 * has chosen one - with a key derived from the recovery key, which opens it anywhere else.
 * <p>
 * A vault whose machine key is missing or different (the store was copied to another machine, or the key file lost)
 * is LOCKED: nothing is reset, signed-in refreshes fail with a message saying so, until the owner unlocks it with the
 * recovery key.
 */
public final class StoredVault implements CredentialVault, CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(StoredVault.class);

    static final String GATEWAY_KEY_BY_MACHINE = "gatehouse-vault:gateway-key:machine";
    static final String GATEWAY_KEY_BY_RECOVERY = "gatehouse-vault:gateway-key:recovery";
    private static final String PRIVATE_KEY = "gatehouse-vault:private-key";

    private final StoreConnection store;
    private final MachineKey machineKey;
    private final Clock clock;
    private final PublicKey publicKey;
    private final Instant createdAt;
    /** Null while locked. */
    private volatile OpenKeys keys;

    private record OpenKeys(SecretKey gatewayKey, PrivateKey privateKey) {
    }

    private StoredVault(StoreConnection store, MachineKey machineKey, Clock clock, PublicKey publicKey,
                        Instant createdAt, OpenKeys keys) {
        this.store = store;
        this.machineKey = machineKey;
        this.clock = clock;
        this.publicKey = publicKey;
        this.createdAt = createdAt;
        this.keys = keys;
    }

    /** Opens the store's vault with this machine's key, making both at the first start. */
    public static StoredVault open(StoreConnection store, MachineKey machineKey, Clock clock) throws SQLException {
        Optional<VaultTables.KeyRow> existing = store.use(VaultTables::keyRow);
        if (existing.isEmpty()) {
            return create(store, machineKey, clock);
        }
        VaultTables.KeyRow row = existing.get();
        PublicKey publicKey = decodePublicKey(row.publicKey());
        Optional<SecretKey> machine = machineKey.read();
        OpenKeys keys = null;
        if (machine.isEmpty()) {
            LOG.error("the credential vault is LOCKED: this machine's key {} does not exist (the gateway store was "
                    + "moved here, or the key file was lost). Signed-in data sources cannot refresh until the owner "
                    + "runs gateway:vault-unlock with the recovery key", machineKey.file());
        } else {
            try {
                keys = openKeys(Aead.key(Aead.decrypt(machine.get(), GATEWAY_KEY_BY_MACHINE, row.keyByMachine())),
                        row.privateKey());
            } catch (Aead.WrongKeyException e) {
                LOG.error("the credential vault is LOCKED: this machine's key {} does not open it (the gateway store "
                        + "comes from another machine). Signed-in data sources cannot refresh until the owner runs "
                        + "gateway:vault-unlock with the recovery key", machineKey.file());
            }
        }
        StoredVault vault = new StoredVault(store, machineKey, clock, publicKey, row.createdAt(), keys);
        if (keys != null && row.keyByRecovery() == null) {
            LOG.warn("the credential vault has no recovery key yet: without one, this gateway's credentials cannot be "
                    + "moved to another machine. Choose one with gateway:vault-recovery-key");
        }
        return vault;
    }

    private static StoredVault create(StoreConnection store, MachineKey machineKey, Clock clock)
            throws SQLException {
        SecretKey gatewayKey = Aead.newKey();
        KeyPair pair = newKeyPair();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        VaultTables.KeyRow row = new VaultTables.KeyRow(
                Aead.encrypt(machineKey.readOrCreate(), GATEWAY_KEY_BY_MACHINE, gatewayKey.getEncoded()), null, null,
                null, Aead.encrypt(gatewayKey, PRIVATE_KEY, pair.getPrivate().getEncoded()),
                SealedSecret.encodePublicKey(pair.getPublic()), now);
        store.use(c -> {
            VaultTables.insertKeyRow(c, row);
            return null;
        });
        LOG.info("credential vault created: a new gateway key, protected by this machine's key {}; public key {}",
                machineKey.file(), SealedSecret.fingerprint(pair.getPublic()));
        LOG.warn("the credential vault has no recovery key yet: without one, this gateway's credentials cannot be "
                + "moved to another machine. Choose one with gateway:vault-recovery-key");
        return new StoredVault(store, machineKey, clock, pair.getPublic(), now,
                new OpenKeys(gatewayKey, pair.getPrivate()));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(SealedSecret.RSA_ALGORITHM);
            generator.initialize(SealedSecret.RSA_KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    private static OpenKeys openKeys(SecretKey gatewayKey, String encryptedPrivateKey) throws Aead.WrongKeyException {
        byte[] encoded = Aead.decrypt(gatewayKey, PRIVATE_KEY, encryptedPrivateKey);
        try {
            return new OpenKeys(gatewayKey, KeyFactory.getInstance(SealedSecret.RSA_ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the vault's private key is damaged: " + e.getClass().getSimpleName());
        }
    }

    private static PublicKey decodePublicKey(String encoded) {
        try {
            return SealedSecret.decodePublicKey(encoded);
        } catch (ProtocolException e) {
            throw new IllegalStateException("the vault's public key is damaged");
        }
    }

    @Override
    public VaultStatus status() {
        VaultTables.KeyRow row = keyRow();
        return new VaultStatus(keys == null ? VaultStatus.State.LOCKED : VaultStatus.State.OPEN,
                row.keyByRecovery() != null, SealedSecret.fingerprint(publicKey), use(VaultTables::countCredentials),
                createdAt);
    }

    @Override
    public String publicKey() {
        return SealedSecret.encodePublicKey(publicKey);
    }

    @Override
    public synchronized void setRecoveryKey(char[] newKey, char[] currentKey) {
        OpenKeys open = requireOpen();
        RecoveryKey.requireAcceptable(newKey);
        VaultTables.KeyRow row = keyRow();
        if (row.keyByRecovery() != null) {
            if (currentKey == null) {
                throw new IllegalArgumentException("a recovery key is set already: give the current one to change it");
            }
            gatewayKeyByRecovery(row, currentKey); // proves the current key
        }
        byte[] salt = RecoveryKey.newSalt();
        SecretKey derived = RecoveryKey.derive(newKey, salt, RecoveryKey.ITERATIONS);
        String wrapped = Aead.encrypt(derived, GATEWAY_KEY_BY_RECOVERY, open.gatewayKey().getEncoded());
        use(c -> {
            VaultTables.updateRecovery(c, wrapped, Base64.getEncoder().encodeToString(salt), RecoveryKey.ITERATIONS);
            return null;
        });
        LOG.info("the credential vault's recovery key was {}", row.keyByRecovery() == null ? "set" : "changed");
    }

    @Override
    public synchronized void unlock(char[] recoveryKey) {
        VaultTables.KeyRow row = keyRow();
        if (row.keyByRecovery() == null) {
            throw new IllegalStateException("the vault has no recovery key, so it cannot be unlocked with one");
        }
        SecretKey gatewayKey = gatewayKeyByRecovery(row, recoveryKey);
        OpenKeys open;
        try {
            open = openKeys(gatewayKey, row.privateKey());
        } catch (Aead.WrongKeyException e) {
            throw new IllegalStateException("the vault's private key does not match its gateway key: the store is "
                    + "damaged");
        }
        SecretKey machine = machineKey.readOrCreate();
        String byMachine = Aead.encrypt(machine, GATEWAY_KEY_BY_MACHINE, gatewayKey.getEncoded());
        use(c -> {
            VaultTables.updateKeyByMachine(c, byMachine);
            return null;
        });
        boolean wasLocked = keys == null;
        keys = open;
        LOG.info("the credential vault was {} with the recovery key and is now protected by this machine's key {}",
                wasLocked ? "unlocked" : "checked", machineKey.file());
    }

    /** The gateway key as the recovery key opens it. */
    private static SecretKey gatewayKeyByRecovery(VaultTables.KeyRow row, char[] recoveryKey) {
        return unwrapWithRecoveryKey(row.keyByRecovery(), row.recoverySalt(), row.recoveryIterations(), recoveryKey,
                "the recovery key is not the vault's");
    }

    static SecretKey unwrapWithRecoveryKey(String wrapped, String salt, int iterations, char[] recoveryKey,
                                           String refusal) {
        if (recoveryKey == null || recoveryKey.length == 0) {
            throw new IllegalArgumentException("no recovery key was given");
        }
        SecretKey derived = RecoveryKey.derive(recoveryKey, Base64.getDecoder().decode(salt), iterations);
        try {
            return Aead.key(Aead.decrypt(derived, GATEWAY_KEY_BY_RECOVERY, wrapped));
        } catch (Aead.WrongKeyException e) {
            throw new IllegalArgumentException(refusal);
        }
    }

    @Override
    public String openSealed(String dataSourceId, String sealedSecret) {
        try {
            return SealedSecret.open(requireOpen().privateKey(), SealedSecret.associatedData(dataSourceId),
                    sealedSecret);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public Optional<Credentials> credentials(String dataSourceId) {
        Optional<VaultTables.CredentialRow> row = use(c -> VaultTables.credential(c, dataSourceId));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        VaultTables.CredentialRow stored = row.get();
        String secret = null;
        if (stored.secret() != null) {
            try {
                secret = Aead.decryptText(requireOpen().gatewayKey(), associatedData(stored), stored.secret());
            } catch (Aead.WrongKeyException e) {
                throw new IllegalStateException("the stored credentials of data source " + dataSourceId
                        + " do not decrypt with the gateway key (they were altered or come from another vault): "
                        + "sign it in again");
            }
        }
        return Optional.of(Credentials.of(stored.type(), stored.user(), secret, stored.expiresAt()));
    }

    @Override
    public Optional<SignInInfo> signIn(String dataSourceId) {
        return use(c -> VaultTables.credential(c, dataSourceId)).map(row -> new SignInInfo(row.type(), row.user(),
                row.expiresAt(), row.signedInAt()));
    }

    @Override
    public void save(String dataSourceId, Credentials credentials) {
        OpenKeys open = requireOpen();
        Instant expiresAt = credentials.expiresAt().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).orElse(null);
        String user = credentials.type() == AuthenticationType.ANONYMOUS ? null : credentials.user().orElse(null);
        VaultTables.CredentialRow unencrypted = new VaultTables.CredentialRow(dataSourceId, credentials.type(), user,
                null, expiresAt, clock.instant());
        String secret = credentials.type() == AuthenticationType.ANONYMOUS ? null : credentials.secret()
                .map(s -> Aead.encrypt(open.gatewayKey(), associatedData(unencrypted), s)).orElse(null);
        VaultTables.CredentialRow row = new VaultTables.CredentialRow(dataSourceId, credentials.type(), user, secret,
                expiresAt, unencrypted.signedInAt());
        try {
            store.inTransaction(c -> {
                VaultTables.putCredential(c, row);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the credential vault cannot reach the gateway store: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void remove(String dataSourceId) {
        use(c -> VaultTables.deleteCredential(c, dataSourceId));
    }

    /** Every stored sign-in as it is stored (secrets encrypted), for an export. */
    List<VaultTables.CredentialRow> encryptedCredentials() {
        return use(VaultTables::credentials);
    }

    VaultTables.KeyRow keyRow() {
        return use(VaultTables::keyRow).orElseThrow(() -> new IllegalStateException("the vault has no key row"));
    }

    /** Decrypts a secret of another vault (an import) with that vault's gateway key. */
    static String decryptSecret(SecretKey gatewayKey, VaultTables.CredentialRow row) throws Aead.WrongKeyException {
        return Aead.decryptText(gatewayKey, associatedData(row), row.secret());
    }

    /** What a stored secret is bound to: moving it to another data source, type or user breaks it. */
    static String associatedData(VaultTables.CredentialRow row) {
        return "gatehouse-vault:credential\n" + row.dataSource() + "\n" + row.type() + "\n"
                + (row.user() == null ? "" : row.user()) + "\n"
                + (row.expiresAt() == null ? "" : row.expiresAt().toEpochMilli());
    }

    private OpenKeys requireOpen() {
        OpenKeys open = keys;
        if (open == null) {
            throw new IllegalStateException("the credential vault is locked: this machine's key does not open it; "
                    + "run gateway:vault-unlock with the recovery key");
        }
        return open;
    }

    private <T> T use(StoreConnection.Work<T> work) {
        try {
            return store.use(work);
        } catch (SQLException e) {
            throw new IllegalStateException("the credential vault cannot reach the gateway store: " + e.getMessage(),
                    e);
        }
    }
}
