package org.gatehouse.connector.sql.impl;

import static org.gatehouse.connector.sql.impl.Failures.assertMentions;
import static org.gatehouse.connector.sql.impl.Failures.expectFailure;
import static org.gatehouse.connector.sql.impl.TestSettings.sql;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Properties;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.junit.Test;

public class SqlDataSourceTest {

    private static final String PG_URL = "jdbc:postgresql://db/sales";

    @Test
    public void readsUrlAndDefaults() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(sql("sales", "url", PG_URL), Credentials.anonymous());

        assertEquals("sales", dataSource.id());
        assertEquals(PG_URL, dataSource.url());
        assertEquals(1000, dataSource.fetchSize());
        assertEquals(0, dataSource.queryTimeoutSeconds());
        assertTrue(dataSource.connectionProperties().isEmpty());
    }

    @Test
    public void readsFetchSizeAndQueryTimeout() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(
                sql("sales", "url", PG_URL, "fetchSize", "250", "queryTimeoutSeconds", "30"), Credentials.anonymous());

        assertEquals(250, dataSource.fetchSize());
        assertEquals(30, dataSource.queryTimeoutSeconds());
    }

    @Test
    public void refusesFetchSizeBelowOneAndNegativeTimeouts() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("sales", "url", PG_URL, "fetchSize", "0"), Credentials.anonymous())), "fetchSize=0", "at least 1");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("sales", "url", PG_URL, "queryTimeoutSeconds", "-5"), Credentials.anonymous())),
                "queryTimeoutSeconds");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("sales", "url", PG_URL, "fetchSize", "lots"), Credentials.anonymous())), "fetchSize", "lots");
    }

    @Test
    public void basicCredentialsBecomeUserAndPassword() throws Exception {
        Properties properties = SqlDataSource.resolve(sql("sales", "url", PG_URL), Credentials.basic("bob", "pw"))
                .connectionProperties();

        assertEquals("bob", properties.getProperty("user"));
        assertEquals("pw", properties.getProperty("password"));
    }

    @Test
    public void connectionPropertiesAreACopy() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(sql("s", "url", PG_URL), Credentials.basic("bob", "pw"));

        dataSource.connectionProperties().setProperty("user", "mallory");

        assertEquals("bob", dataSource.connectionProperties().getProperty("user"));
    }

    @Test
    public void buildsTheUrlFromSqlServerSettings() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(sql("crm", "server", "h", "database", "crm"),
                Credentials.basic("sa", "pw"));

        assertTrue(dataSource.url(), dataSource.url().startsWith("jdbc:sqlserver://h;databaseName=crm;"));
        assertTrue(dataSource.isSqlServer());
    }

    @Test
    public void windowsCredentialsOnAWholeSqlServerUrlSwitchOnIntegratedSecurity() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(sql("crm", "url", "jdbc:sqlserver://h;databaseName=crm"),
                Credentials.of(AuthenticationType.WINDOWS, null, null));

        assertEquals("true", dataSource.connectionProperties().getProperty("integratedSecurity"));
        assertFalse(dataSource.connectionProperties().containsKey("password"));
    }

    @Test
    public void windowsCredentialsAreRefusedForOtherDatabases() {
        ConnectorException e = expectFailure(Reason.UNSUPPORTED, () -> SqlDataSource.resolve(
                sql("sales", "url", PG_URL + "?password=hunter2"), Credentials.of(AuthenticationType.WINDOWS, null, null)));

        assertMentions(e, "data source sales", "Windows authentication", "SQL Server", PG_URL);
        Failures.assertNoSecret(e, "hunter2");
    }

    @Test
    public void keysAndTokensAreNotSupported() {
        assertMentions(expectFailure(Reason.UNSUPPORTED, () -> SqlDataSource.resolve(sql("sales", "url", PG_URL),
                Credentials.of(AuthenticationType.OAUTH2, null, "token"))), "OAUTH2");
    }

    @Test
    public void needsUrlOrServer() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlDataSource.resolve(sql("sales", "fetchSize", "10"), Credentials.anonymous())),
                "data source sales", "'url'", "'server'");
    }

    @Test
    public void refusesSqlServerSettingsNextToAUrl() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("crm", "url", "jdbc:sqlserver://h", "encrypt", "false"), Credentials.anonymous())),
                "'encrypt'", "'url'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("crm", "url", "jdbc:sqlserver://h", "server", "h"), Credentials.anonymous())), "'server'");
    }

    @Test
    public void refusesSomethingThatIsNoJdbcUrl() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlDataSource.resolve(
                sql("crm", "url", "postgresql://h/db"), Credentials.anonymous())), "jdbc:");
    }

    @Test
    public void displayUrlAndToStringHideSecrets() throws Exception {
        SqlDataSource dataSource = SqlDataSource.resolve(sql("sales", "url", PG_URL + "?password=hunter2"),
                Credentials.basic("bob", "s3cret"));

        assertEquals(PG_URL, dataSource.displayUrl());
        assertFalse(dataSource.toString().contains("hunter2"));
        assertEquals("**** and ****", dataSource.scrubber().scrub("hunter2 and s3cret"));
    }
}
