package org.gatehouse.connector.sql.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;

/**
 * A data source's settings and credentials checked and turned into what JDBC needs: the URL, the connection
 * properties, and how to read results. Built for one connection and not kept, so secrets live no longer than it.
 * <p>
 * Settings: either {@code url} (a complete JDBC URL) or, for SQL Server, {@code server} with the options that
 * {@link SqlServerUrl} reads; for every database {@code fetchSize} (rows per round trip, default
 * {@value #DEFAULT_FETCH_SIZE}) and {@code queryTimeoutSeconds} (0, the default, for no limit).
 */
final class SqlDataSource {

    static final String URL = "url";
    static final String FETCH_SIZE = "fetchSize";
    static final String QUERY_TIMEOUT_SECONDS = "queryTimeoutSeconds";
    static final int DEFAULT_FETCH_SIZE = 1000;

    private final String id;
    private final String url;
    private final String displayUrl;
    private final Properties connectionProperties;
    private final int fetchSize;
    private final int queryTimeoutSeconds;
    private final SecretScrubber scrubber;

    private SqlDataSource(String id, String url, Properties connectionProperties, int fetchSize,
            int queryTimeoutSeconds, SecretScrubber scrubber) {
        this.id = id;
        this.url = url;
        this.displayUrl = JdbcUrls.withoutCredentials(url);
        this.connectionProperties = connectionProperties;
        this.fetchSize = fetchSize;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.scrubber = scrubber;
    }

    static SqlDataSource resolve(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        String url = url(settings, credentials.type());
        Properties properties = connectionProperties(settings, credentials, url);
        int fetchSize = atLeast(settings, FETCH_SIZE, DEFAULT_FETCH_SIZE, 1);
        int queryTimeout = atLeast(settings, QUERY_TIMEOUT_SECONDS, 0, 0);
        List<String> secrets = new ArrayList<>(JdbcUrls.secretsIn(url));
        credentials.secret().ifPresent(secrets::add);
        return new SqlDataSource(settings.id(), url, properties, fetchSize, queryTimeout, new SecretScrubber(secrets));
    }

    private static String url(DataSourceSettings settings, AuthenticationType credentials)
            throws ConnectorException {
        Optional<String> url = settings.get(URL);
        if (url.isEmpty()) {
            if (!SqlServerUrl.describedBy(settings)) {
                throw invalid(settings, "needs a '" + URL + "' setting (a JDBC URL) or, for SQL Server, '"
                        + SqlServerUrl.SERVER + "'");
            }
            return SqlServerUrl.build(settings, credentials);
        }
        for (String sqlServerSetting : SqlServerUrl.SETTINGS) {
            if (settings.get(sqlServerSetting).isPresent()) {
                throw invalid(settings, "has a '" + URL + "', so '" + sqlServerSetting
                        + "' must be written into it (or describe the SQL Server with '" + SqlServerUrl.SERVER
                        + "' instead of '" + URL + "')");
            }
        }
        if (!url.get().regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw invalid(settings, "'" + URL + "' must be a JDBC URL starting with jdbc:, not "
                    + JdbcUrls.withoutCredentials(url.get()));
        }
        return url.get();
    }

    private static Properties connectionProperties(DataSourceSettings settings, Credentials credentials, String url)
            throws ConnectorException {
        Properties properties = new Properties();
        switch (credentials.type()) {
            case ANONYMOUS -> {
                // the URL or the database's own defaults decide
            }
            case BASIC -> {
                properties.setProperty("user", credentials.user().orElse(""));
                properties.setProperty("password", credentials.secret().orElse(""));
            }
            case WINDOWS -> {
                if (!SqlServerUrl.isSqlServer(url)) {
                    throw new ConnectorException(Reason.UNSUPPORTED, "data source " + settings.id()
                            + ": Windows authentication works only with SQL Server (" + SqlServerUrl.PREFIX
                            + " URLs), not with " + JdbcUrls.withoutCredentials(url));
                }
                // a URL built from settings says so already; a URL given whole may not
                properties.setProperty("integratedSecurity", "true");
            }
            default -> throw new ConnectorException(Reason.UNSUPPORTED, "data source " + settings.id()
                    + ": the sql connector does not sign in with " + credentials.type() + " credentials");
        }
        return properties;
    }

    private static int atLeast(DataSourceSettings settings, String key, int defaultValue, int minimum)
            throws ConnectorException {
        int value = settings.getInt(key, defaultValue);
        if (value < minimum) {
            throw invalid(settings, "has " + key + "=" + value + ", but it must be at least " + minimum);
        }
        return value;
    }

    private static ConnectorException invalid(DataSourceSettings settings, String problem) {
        return new ConnectorException(Reason.INVALID_SETTINGS, "data source " + settings.id() + " " + problem);
    }

    String id() {
        return id;
    }

    /** The URL to connect with; may hold a password, so never put it in a message: use {@link #displayUrl()}. */
    String url() {
        return url;
    }

    String displayUrl() {
        return displayUrl;
    }

    /** A fresh copy each time: drivers may add to the properties they are given. */
    Properties connectionProperties() {
        Properties copy = new Properties();
        copy.putAll(connectionProperties);
        return copy;
    }

    int fetchSize() {
        return fetchSize;
    }

    int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    SecretScrubber scrubber() {
        return scrubber;
    }

    SqlErrors errors() {
        return new SqlErrors(this);
    }

    boolean isSqlServer() {
        return SqlServerUrl.isSqlServer(url);
    }

    boolean isPostgres() {
        return url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16);
    }

    boolean isH2() {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
    }

    @Override
    public String toString() {
        return id + " (" + displayUrl + ")";
    }
}
