package org.gatehouse.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data source is signed in with. The secret is never part of {@link #toString()}, so credentials can be
 * logged or put into exception messages without leaking it.
 */
public final class Credentials {

    private static final Credentials ANONYMOUS = new Credentials(AuthenticationType.ANONYMOUS, null, null, null);

    private final AuthenticationType type;
    private final String user;
    private final String secret;
    private final Instant expiresAt;

    private Credentials(AuthenticationType type, String user, String secret, Instant expiresAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.user = user;
        this.secret = secret;
        this.expiresAt = expiresAt;
    }

    public static Credentials anonymous() {
        return ANONYMOUS;
    }

    /** User and password; the password may be empty (an H2 database's default user has none). */
    public static Credentials basic(String user, String password) {
        return new Credentials(AuthenticationType.BASIC, Objects.requireNonNull(user, "user"),
                password == null ? "" : password, null);
    }

    /** An OAuth2 bearer token and when it expires (null if unknown: it is then used until the source refuses it). */
    public static Credentials oauth2(String token, Instant expiresAt) {
        return new Credentials(AuthenticationType.OAUTH2, null, Objects.requireNonNull(token, "token"), expiresAt);
    }

    /** An API key or token; {@code user} is optional (some sources name the key, e.g. a SAS key name). */
    public static Credentials of(AuthenticationType type, String user, String secret) {
        return new Credentials(type, user, secret, null);
    }

    /** Any type, with an expiry (null for none). */
    public static Credentials of(AuthenticationType type, String user, String secret, Instant expiresAt) {
        return new Credentials(type, user, secret, expiresAt);
    }

    public AuthenticationType type() {
        return type;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, key or token; empty for anonymous and Windows authentication. */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    /** When these credentials stop being valid (an OAuth2 token's expiry), if known. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Whether they have an expiry that has passed at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return type + (user == null ? "" : "(" + user + ")");
    }
}
