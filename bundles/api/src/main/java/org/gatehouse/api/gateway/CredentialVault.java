package org.gatehouse.api.gateway;

/**
 * Where the gateway keeps its data sources' secrets: encrypted at rest (AES-GCM) with the gateway key, which this
 * machine's key protects for daily use and the owner's recovery key protects for moving the gateway elsewhere. It also
 * holds the gateway's key pair, whose public half the heartbeat publishes so the service can seal credentials that
 * only this gateway can open.
 * <p>
 * Every refused operation throws IllegalArgumentException (bad input) or IllegalStateException (the vault cannot do
 * it now) with a one-line reason fit for the shell. No method ever returns or logs a secret.
 */
public interface CredentialVault {

    VaultStatus status();

    /** The public key the service seals credentials with: X.509 SubjectPublicKeyInfo, base64. */
    String publicKey();

    /**
     * Sets the recovery key, or changes it.
     *
     * @param currentKey the recovery key set now, or null when none is set yet
     */
    void setRecoveryKey(char[] newKey, char[] currentKey);

    /**
     * Opens a vault this machine's key cannot open (its store was moved here or is shared) with the recovery key,
     * and protects it with this machine's key from then on.
     */
    void unlock(char[] recoveryKey);

    /**
     * Opens a secret the service sealed for one of this gateway's data sources with {@link #publicKey()}.
     *
     * @throws IllegalArgumentException when it was sealed for another gateway or data source, or altered
     */
    String openSealed(String dataSourceId, String sealedSecret);
}
