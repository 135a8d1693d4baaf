package org.gatehouse.connector.sql.impl;

import static org.gatehouse.connector.sql.impl.Failures.assertMentions;
import static org.gatehouse.connector.sql.impl.Failures.expectFailure;
import static org.gatehouse.connector.sql.impl.TestSettings.sql;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.DataSourceSettings;
import org.junit.Test;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;

/**
 * Every SQL Server setting, checked twice: on the URL text, and on what Microsoft's driver reads back from it.
 * No SQL Server can run on this machine, so nothing here signs in anywhere.
 */
public class SqlServerUrlTest {

    private static final AuthenticationType BASIC = AuthenticationType.BASIC;
    private static final AuthenticationType WINDOWS = AuthenticationType.WINDOWS;

    @Test
    public void minimalSettingsGiveSecureDefaults() throws Exception {
        String url = SqlServerUrl.build(sql("sales", "server", "db.example.com"), BASIC);

        assertEquals("jdbc:sqlserver://db.example.com;encrypt=true;trustServerCertificate=false;"
                + "applicationName=Gatehouse", url);
        Map<String, String> read = driverReads(url);
        assertEquals("db.example.com", read.get("serverName"));
        assertEquals("true", read.get("encrypt").toLowerCase());
        assertEquals("false", read.get("trustServerCertificate"));
        assertEquals("false", read.get("integratedSecurity"));
        assertEquals("Gatehouse", read.get("applicationName"));
    }

    @Test
    public void everyOptionIsWrittenAndReadBack() throws Exception {
        DataSourceSettings settings = sql("sales", "server", "db.example.com", "port", "1444", "database", "Sales",
                "encrypt", "strict", "trustServerCertificate", "true", "hostNameInCertificate", "*.example.com",
                "authentication", "kerberos", "loginTimeout", "7", "applicationName", "Gatehouse-East");

        String url = SqlServerUrl.build(settings, WINDOWS);

        assertEquals("jdbc:sqlserver://db.example.com:1444;databaseName=Sales;encrypt=strict;"
                + "trustServerCertificate=true;hostNameInCertificate=*.example.com;integratedSecurity=true;"
                + "authenticationScheme=JavaKerberos;loginTimeout=7;applicationName=Gatehouse-East", url);
        Map<String, String> read = driverReads(url);
        assertEquals("1444", read.get("portNumber"));
        assertEquals("Sales", read.get("databaseName"));
        assertEquals("strict", read.get("encrypt").toLowerCase());
        assertEquals("true", read.get("trustServerCertificate"));
        assertEquals("*.example.com", read.get("hostNameInCertificate"));
        assertEquals("true", read.get("integratedSecurity"));
        assertEquals("javakerberos", read.get("authenticationScheme").toLowerCase());
        assertEquals("7", read.get("loginTimeout"));
        assertEquals("Gatehouse-East", read.get("applicationName"));
    }

    @Test
    public void hostIsAnotherNameForServer() throws Exception {
        assertEquals(SqlServerUrl.build(sql("a", "server", "db1"), BASIC),
                SqlServerUrl.build(sql("a", "host", "db1"), BASIC));
        assertEquals(SqlServerUrl.build(sql("a", "server", "db1"), BASIC),
                SqlServerUrl.build(sql("a", "server", "db1", "host", "db1"), BASIC));
    }

    @Test
    public void namedInstanceIsKept() throws Exception {
        String url = SqlServerUrl.build(sql("a", "server", "db1\\SALES"), BASIC);

        Map<String, String> read = driverReads(url);
        assertEquals("db1", read.get("serverName"));
        assertEquals("sales", read.get("instanceName").toLowerCase());
    }

    @Test
    public void encryptAcceptsTrueFalseStrictInAnyCase() throws Exception {
        assertTrue(SqlServerUrl.build(sql("a", "server", "h", "encrypt", "FALSE"), BASIC).contains(";encrypt=false;"));
        assertTrue(SqlServerUrl.build(sql("a", "server", "h", "encrypt", "True"), BASIC).contains(";encrypt=true;"));
        assertTrue(SqlServerUrl.build(sql("a", "server", "h", "encrypt", "Strict"), BASIC).contains(";encrypt=strict;"));
        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "encrypt", "maybe"), BASIC));
        assertMentions(e, "data source a", "encrypt", "true, false, strict", "maybe");
    }

    @Test
    public void trustServerCertificateMustBeTrueOrFalse() {
        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "trustServerCertificate", "yes"), BASIC));
        assertMentions(e, "trustServerCertificate", "yes");
    }

    @Test
    public void windowsCredentialsWithoutSettingMeanNativeIntegratedSecurity() throws Exception {
        String url = SqlServerUrl.build(sql("a", "server", "h"), WINDOWS);

        assertTrue(url, url.contains(";integratedSecurity=true;"));
        assertFalse(url, url.contains("authenticationScheme"));
        assertEquals("nativeauthentication", driverReads(url).get("authenticationScheme").toLowerCase());
    }

    @Test
    public void windowsIntegratedSettingNeedsWindowsCredentials() throws Exception {
        String url = SqlServerUrl.build(sql("a", "server", "h", "authentication", "windows-integrated"), WINDOWS);
        assertTrue(url, url.contains(";integratedSecurity=true;"));

        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h", "authentication", "windows-integrated"), BASIC));
        assertMentions(e, "data source a", "authentication=windows-integrated", "WINDOWS credentials");
    }

    @Test
    public void sqlSettingRefusesWindowsCredentials() throws Exception {
        String url = SqlServerUrl.build(sql("a", "server", "h", "authentication", "SQL"), BASIC);
        assertFalse(url, url.contains("integratedSecurity"));

        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "authentication", "sql"), WINDOWS));
        assertMentions(e, "authentication=sql", "WINDOWS");
    }

    @Test
    public void unknownAuthenticationIsRefused() {
        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "authentication", "ntlm"), BASIC));
        assertMentions(e, "sql, windows-integrated or kerberos", "ntlm");
    }

    @Test
    public void numbersAreChecked() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "port", "0"), BASIC)), "'port'", "1 to 65535");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "port", "14x3"), BASIC)), "'port'", "14x3");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "h", "loginTimeout", "-1"), BASIC)), "'loginTimeout'");
    }

    @Test
    public void valuesCannotSmuggleInOptions() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h", "database", "x;integratedSecurity=true"), BASIC)), "'database'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h", "applicationName", "{app}"), BASIC)), "'applicationName'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h", "hostNameInCertificate", "a=b"), BASIC)), "'hostNameInCertificate'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h;encrypt=false"), BASIC)), "'server'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS, () -> SqlServerUrl.build(
                sql("a", "server", "h:1433"), BASIC)), "'server'");
    }

    @Test
    public void serverIsRequiredAndUnambiguous() {
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "database", "x"), BASIC)), "no 'server'");
        assertMentions(expectFailure(Reason.INVALID_SETTINGS,
                () -> SqlServerUrl.build(sql("a", "server", "one", "host", "two"), BASIC)), "'server' and 'host'");
    }

    @Test
    public void recognisesSqlServerUrlsInAnyCase() {
        assertTrue(SqlServerUrl.isSqlServer("jdbc:sqlserver://h"));
        assertTrue(SqlServerUrl.isSqlServer("JDBC:SQLServer://h"));
        assertFalse(SqlServerUrl.isSqlServer("jdbc:postgresql://h/db"));
        assertFalse(SqlServerUrl.isSqlServer("jdbc:jtds:sqlserver://h"));
    }

    @Test
    public void sqlServerDriverAcceptsTheUrl() throws Exception {
        String url = SqlServerUrl.build(sql("a", "server", "h", "database", "d"), BASIC);
        assertTrue(new SQLServerDriver().acceptsURL(url));
        assertNull(new SQLServerDriver().connect("jdbc:postgresql://h/d", new Properties()));
    }

    /** The properties Microsoft's driver takes from the URL, as it would use them to connect. */
    private static Map<String, String> driverReads(String url) throws SQLException {
        Map<String, String> read = new HashMap<>();
        for (DriverPropertyInfo property : new SQLServerDriver().getPropertyInfo(url, new Properties())) {
            read.put(property.name, property.value);
        }
        return read;
    }
}
