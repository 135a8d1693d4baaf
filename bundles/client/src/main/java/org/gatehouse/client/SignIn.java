package org.gatehouse.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.SealedSecret;

/**
 * How the service signs a gateway's data source in. The secret never leaves this object in clear: it is sealed with
 * the gateway's public key (from its heartbeat) for that data source when the request is built, so only that gateway
 * can open it and only for that data source. {@link #toString()} never shows it.
 */
public final class SignIn {

    private final AuthenticationType type;
    private final String user;
    private final String secret;
    private final Instant expiresAt;

    private SignIn(AuthenticationType type, String user, String secret, Instant expiresAt) {
        this.type = type;
        this.user = user;
        this.secret = secret;
        this.expiresAt = expiresAt;
    }

    public static SignIn anonymous() {
        return new SignIn(AuthenticationType.ANONYMOUS, null, null, null);
    }

    public static SignIn basic(String user, String password) {
        return new SignIn(AuthenticationType.BASIC, Objects.requireNonNull(user, "user"), password, null);
    }

    /** An API key or SAS; {@code keyName} may be null; {@code expiresAt} may be null. */
    public static SignIn key(String keyName, String key, Instant expiresAt) {
        return new SignIn(AuthenticationType.KEY, keyName, Objects.requireNonNull(key, "key"), expiresAt);
    }

    /** An OAuth2 bearer token and when it expires (null if unknown). */
    public static SignIn oauth2(String token, Instant expiresAt) {
        return new SignIn(AuthenticationType.OAUTH2, null, Objects.requireNonNull(token, "token"), expiresAt);
    }

    /** The gateway machine's own identity (SQL Server integrated security, Kerberos). */
    public static SignIn windows(String user) {
        return new SignIn(AuthenticationType.WINDOWS, user, null, null);
    }

    public AuthenticationType type() {
        return type;
    }

    /** The request's fields, the secret sealed with {@code gatewayPublicKey} (X.509, base64) for the data source. */
    Map<String, String> fields(String dataSourceId, String gatewayPublicKey) throws ProtocolException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", dataSourceId);
        fields.put("auth", type.name().toLowerCase(java.util.Locale.ROOT));
        if (user != null) {
            fields.put("user", user);
        }
        if (expiresAt != null) {
            fields.put("expires", expiresAt.toString());
        }
        if (secret != null && !secret.isEmpty()) {
            if (gatewayPublicKey == null) {
                throw new IllegalStateException("the gateway published no public key (its credential vault is not "
                        + "open), so no secret can be sent to it");
            }
            fields.put("secret", SealedSecret.seal(SealedSecret.decodePublicKey(gatewayPublicKey),
                    SealedSecret.associatedData(dataSourceId), secret));
        }
        return fields;
    }

    boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }

    @Override
    public String toString() {
        return type + (user == null ? "" : "(" + user + ")");
    }
}
