package org.gatehouse.core.impl;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.core.impl.vault.CredentialStore;

/**
 * The credentials a data source is used with: from the vault when it was signed in through it, else from its
 * configuration. Every way this can fail says which data source and what the owner can do about it, never a secret.
 */
final class SignedInCredentials {

    private SignedInCredentials() {
    }

    /**
     * @param vault the credential vault, or null while the gateway store is not open
     * @throws CredentialsUnusable when the credentials cannot be read or have expired
     */
    static Credentials of(DataSourceDefinition source, CredentialStore vault, Instant now)
            throws CredentialsUnusable {
        Credentials credentials;
        if (!source.signedInThroughVault()) {
            credentials = source.credentials();
        } else if (vault == null) {
            throw new CredentialsUnusable(false, "data source " + source.id() + " is signed in through the "
                    + "credential vault, which is not open: the gateway store is not open (see the gateway's log)");
        } else {
            try {
                credentials = vault.credentials(source.id()).orElseThrow(() -> new CredentialsUnusable(false,
                        "data source " + source.id() + " has no credentials in the vault: sign it in again"));
            } catch (IllegalStateException e) {
                throw new CredentialsUnusable(false, "data source " + source.id() + ": " + e.getMessage());
            }
        }
        if (credentials.expiredAt(now)) {
            throw new CredentialsUnusable(true, "authentication failed for data source " + source.id() + ": the "
                    + (credentials.type() == AuthenticationType.OAUTH2 ? "OAuth2 token" : "credentials")
                    + " expired at " + DateTimeFormatter.ISO_INSTANT.format(credentials.expiresAt().orElseThrow())
                    + " (token expired); sign it in again");
        }
        return credentials;
    }

    /** Credentials that cannot be used now: expired, or not readable. */
    static final class CredentialsUnusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean expired;

        CredentialsUnusable(boolean expired, String message) {
            super(message);
            this.expired = expired;
        }

        boolean expired() {
            return expired;
        }
    }
}
