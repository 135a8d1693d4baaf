package org.gatehouse.connector.sql.impl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.DataSourceSettings;

/**
 * Builds a Microsoft JDBC driver URL ({@code jdbc:sqlserver://host:port;name=value;...}) from a data source's
 * separate settings, so that the owner of a SQL Server data source fills in fields rather than writing a URL.
 * <p>
 * The defaults are the secure ones of driver 10 and later: the connection is encrypted and the server certificate is
 * checked. Values are rejected rather than escaped when they contain URL syntax ({@code ; { } =}): a database
 * name such as {@code x;integratedSecurity=true} must not be able to switch on options of its own.
 * <p>
 * No SQL Server runs on the build machines, so this class is tested on the text it produces and on how the real
 * driver parses that text back ({@code SQLServerDriver.getPropertyInfo}); signing in to a server is not tested.
 */
final class SqlServerUrl {

    static final String PREFIX = "jdbc:sqlserver:";

    static final String SERVER = "server";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String DATABASE = "database";
    static final String ENCRYPT = "encrypt";
    static final String TRUST_SERVER_CERTIFICATE = "trustServerCertificate";
    static final String HOST_NAME_IN_CERTIFICATE = "hostNameInCertificate";
    static final String LOGIN_TIMEOUT = "loginTimeout";
    static final String APPLICATION_NAME = "applicationName";

    /** Every setting this class reads; they make no sense next to a complete {@code url}. */
    static final List<String> SETTINGS = List.of(SERVER, HOST, PORT, DATABASE, ENCRYPT, TRUST_SERVER_CERTIFICATE,
            HOST_NAME_IN_CERTIFICATE, SqlServerAuthentication.SETTING, LOGIN_TIMEOUT, APPLICATION_NAME);

    static final String DEFAULT_APPLICATION_NAME = "Gatehouse";

    private static final List<String> ENCRYPT_VALUES = List.of("true", "false", "strict");

    private final DataSourceSettings settings;
    private final StringBuilder url = new StringBuilder(PREFIX).append("//");

    private SqlServerUrl(DataSourceSettings settings) {
        this.settings = settings;
    }

    static boolean isSqlServer(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** True when the settings describe a SQL Server by its parts rather than by a {@code url}. */
    static boolean describedBy(DataSourceSettings settings) {
        return settings.get(SERVER).isPresent() || settings.get(HOST).isPresent();
    }

    /**
     * The URL for these settings.
     *
     * @param credentials the type of credentials the data source is signed in with; it decides integrated security
     *                    when the {@code authentication} setting is absent, and must agree with it when present
     */
    static String build(DataSourceSettings settings, AuthenticationType credentials) throws ConnectorException {
        return new SqlServerUrl(settings).build(credentials);
    }

    private String build(AuthenticationType credentials) throws ConnectorException {
        url.append(server());
        Optional<String> port = settings.get(PORT);
        if (port.isPresent()) {
            url.append(':').append(numberBetween(PORT, port.get(), 1, 65535));
        }
        Optional<String> database = settings.get(DATABASE);
        if (database.isPresent()) {
            option("databaseName", plainValue(DATABASE, database.get()));
        }
        option(ENCRYPT, oneOf(ENCRYPT, ENCRYPT_VALUES, "true"));
        option(TRUST_SERVER_CERTIFICATE, oneOf(TRUST_SERVER_CERTIFICATE, List.of("true", "false"), "false"));
        Optional<String> hostNameInCertificate = settings.get(HOST_NAME_IN_CERTIFICATE);
        if (hostNameInCertificate.isPresent()) {
            option(HOST_NAME_IN_CERTIFICATE, plainValue(HOST_NAME_IN_CERTIFICATE, hostNameInCertificate.get()));
        }
        authentication(SqlServerAuthentication.resolve(settings.id(),
                settings.get(SqlServerAuthentication.SETTING).orElse(null), credentials));
        Optional<String> loginTimeout = settings.get(LOGIN_TIMEOUT);
        if (loginTimeout.isPresent()) {
            option(LOGIN_TIMEOUT, numberBetween(LOGIN_TIMEOUT, loginTimeout.get(), 0, 65535));
        }
        String applicationName = settings.get(APPLICATION_NAME, DEFAULT_APPLICATION_NAME);
        option(APPLICATION_NAME, plainValue(APPLICATION_NAME, applicationName));
        return url.toString();
    }

    private String server() throws ConnectorException {
        Optional<String> server = settings.get(SERVER);
        Optional<String> host = settings.get(HOST);
        if (server.isPresent() && host.isPresent() && !server.equals(host)) {
            throw invalid("both '" + SERVER + "' and '" + HOST + "' are set; set only one");
        }
        String name = server.or(() -> host).orElseThrow(() -> invalid("no '" + SERVER + "' setting"));
        // a named instance (host\instance) is fine; ':' would be read as the port, so IPv6 literals need a url
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || ";{}=:/".indexOf(c) >= 0)) {
            throw invalid("'" + SERVER + "' must be a host name, an IPv4 address or host\\instance, not '" + name + "'");
        }
        return name;
    }

    private void authentication(SqlServerAuthentication mode) {
        if (mode.integrated()) {
            option("integratedSecurity", "true");
        }
        if (mode == SqlServerAuthentication.KERBEROS) {
            option("authenticationScheme", "JavaKerberos");
        }
    }

    /** Appends an option whose value is either fixed here or has passed {@link #plainValue}. */
    private void option(String name, String value) {
        url.append(';').append(name).append('=').append(value);
    }

    private String plainValue(String setting, String value) throws ConnectorException {
        if (value.chars().anyMatch(c -> ";{}=".indexOf(c) >= 0)) {
            throw invalid("setting '" + setting + "' must not contain ; { } or =");
        }
        return value;
    }

    private String oneOf(String setting, List<String> allowed, String defaultValue) throws ConnectorException {
        String value = settings.get(setting, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid("setting '" + setting + "' must be one of " + String.join(", ", allowed) + ", not '"
                    + settings.get(setting, "") + "'");
        }
        return value;
    }

    private String numberBetween(String setting, String text, int min, int max) throws ConnectorException {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return Integer.toString(value);
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid("setting '" + setting + "' must be a whole number from " + min + " to " + max + ", not '"
                + text + "'");
    }

    private ConnectorException invalid(String problem) {
        return new ConnectorException(Reason.INVALID_SETTINGS, "data source " + settings.id() + ": " + problem);
    }
}
