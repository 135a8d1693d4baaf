package org.gatehouse.itests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * A connector the tests register inside the container for the sign-in types the SQL connector does not take (key,
 * OAuth2): it accepts exactly the secret whose SHA-256 its data source's {@code expected-sha256} setting holds (the
 * settings are not secret) and answers one row saying what it was signed in with - the type and the secret's length,
 * never the secret.
 */
final class TokenProbeConnector implements Connector {

    static final String KIND = "token-probe";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return EnumSet.of(AuthenticationType.KEY, AuthenticationType.OAUTH2);
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        String expected = settings.require("expected-sha256");
        if (!sha256(credentials.secret().orElse("")).equals(expected)) {
            throw new ConnectorException(ConnectorException.Reason.AUTHENTICATION_FAILED,
                    "authentication failed for data source " + settings.id() + ": the token was refused");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        test(settings, credentials);
        Schema schema = new Schema(List.of(new Column("signed_in_with", ColumnType.STRING),
                new Column("secret_length", ColumnType.INTEGER)));
        return new RowSource() {
            private boolean sent;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public boolean next(Object[] row) {
                if (sent) {
                    return false;
                }
                row[0] = credentials.type().name();
                row[1] = credentials.secret().orElse("").length();
                sent = true;
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
