package org.gatehouse.api.gateway;

import java.time.Instant;

/**
 * The credential vault's state as the owner sees it.
 *
 * @param state                 whether secrets can be read
 * @param recoveryKeySet        whether the owner has chosen a recovery key (without one the gateway cannot be moved)
 * @param publicKeyFingerprint  a short name of the public key the service seals credentials with
 * @param signedInDataSources   how many data sources have credentials in the vault
 * @param createdAt             when this vault's gateway key was made
 */
public record VaultStatus(State state, boolean recoveryKeySet, String publicKeyFingerprint, int signedInDataSources,
                          Instant createdAt) {

    public enum State {
        /** Secrets can be stored and read. */
        OPEN,
        /** This machine's key does not open the vault: it needs the recovery key (gateway:vault-unlock). */
        LOCKED
    }
}
