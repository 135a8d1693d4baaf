package org.gatehouse.core.impl.vault;

import java.time.Instant;
import java.util.Optional;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;

/**
 * The core's side of the vault: data sources' sign-ins, stored encrypted, read back for a refresh. Offered as a
 * service while the gateway store is open.
 */
public interface CredentialStore {

    /** A stored sign-in as shown to the owner: never the secret. */
    record SignInInfo(AuthenticationType type, String user, Instant expiresAt, Instant signedInAt) {
    }

    /**
     * The data source's credentials, decrypted, if it was signed in through the vault.
     *
     * @throws IllegalStateException when the vault is locked or the stored secret does not decrypt
     */
    Optional<Credentials> credentials(String dataSourceId);

    Optional<SignInInfo> signIn(String dataSourceId);

    /** Stores (replaces) a data source's sign-in, its secret encrypted with the gateway key. */
    void save(String dataSourceId, Credentials credentials);

    /** Forgets a data source's sign-in; nothing happens if it has none. */
    void remove(String dataSourceId);
}
