package org.gatehouse.connector.sql.impl;

import static org.gatehouse.connector.sql.impl.Failures.assertMentions;
import static org.gatehouse.connector.sql.impl.Failures.assertNoSecret;
import static org.gatehouse.connector.sql.impl.Failures.expectFailure;
import static org.gatehouse.connector.sql.impl.TestSettings.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.junit.BeforeClass;
import org.junit.Test;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;

/** Servers that are not there: a closed port on this machine, a host name that cannot exist. */
public class UnreachableSourceTest {

    private static int closedPort;

    private final SqlConnector connector = new SqlConnector(new org.postgresql.Driver(), new SQLServerDriver());
    private final Credentials credentials = Credentials.basic("gatehouse", "pa55word");

    @BeforeClass
    public static void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @Test
    public void postgresOnAClosedPort() {
        DataSourceSettings settings = sql("pg-down", "url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/sales");

        for (ConnectorException e : new ConnectorException[] {
                expectFailure(Reason.SOURCE_UNREACHABLE, () -> connector.test(settings, credentials)),
                expectFailure(Reason.SOURCE_UNREACHABLE,
                        () -> connector.open(settings, credentials, new Query("q", "SELECT 1")))}) {
            assertMentions(e, "data source pg-down", "unreachable", "127.0.0.1:" + closedPort, "refused");
            assertNoSecret(e, "pa55word");
        }
    }

    @Test
    public void postgresOnAnUnknownHost() {
        // .invalid is reserved (RFC 2606): no resolver will ever find it
        DataSourceSettings settings = sql("pg-nowhere", "url", "jdbc:postgresql://no-such-host.invalid/sales");

        ConnectorException e = expectFailure(Reason.SOURCE_UNREACHABLE, () -> connector.test(settings, credentials));

        assertMentions(e, "data source pg-nowhere", "unreachable");
    }

    @Test
    public void sqlServerOnAClosedPort() {
        DataSourceSettings settings = sql("crm", "server", "127.0.0.1", "port", Integer.toString(closedPort),
                "database", "crm", "loginTimeout", "5");

        ConnectorException basic = expectFailure(Reason.SOURCE_UNREACHABLE,
                () -> connector.test(settings, credentials));
        ConnectorException windows = expectFailure(Reason.SOURCE_UNREACHABLE,
                () -> connector.test(settings, Credentials.of(AuthenticationType.WINDOWS, null, null)));

        for (ConnectorException e : new ConnectorException[] {basic, windows}) {
            assertMentions(e, "data source crm", "unreachable", "jdbc:sqlserver://127.0.0.1:" + closedPort);
            assertNoSecret(e, "pa55word");
        }
    }
}
