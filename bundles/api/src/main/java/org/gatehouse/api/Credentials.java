package org.gatehouse.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a data source is signed in with. The secret is never part of {@link #toString()}, so credentials can be
 * logged or put into exception messages without leaking it.
 */
public final class Credentials {

    private static final Credentials ANONYMOUS = new Credentials(AuthenticationType.ANONYMOUS, null, null);

    private final AuthenticationType type;
    private final String user;
    private final String secret;

    private Credentials(AuthenticationType type, String user, String secret) {
        this.type = Objects.requireNonNull(type, "type");
        this.user = user;
        this.secret = secret;
    }

    public static Credentials anonymous() {
        return ANONYMOUS;
    }

    /** User and password; the password may be empty (an H2 database's default user has none). */
    public static Credentials basic(String user, String password) {
        return new Credentials(AuthenticationType.BASIC, Objects.requireNonNull(user, "user"),
                password == null ? "" : password);
    }

    /** An API key or token; {@code user} is optional (some sources name the key, e.g. a SAS key name). */
    public static Credentials of(AuthenticationType type, String user, String secret) {
        return new Credentials(type, user, secret);
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

    @Override
    public String toString() {
        return type + (user == null ? "" : "(" + user + ")");
    }
}
