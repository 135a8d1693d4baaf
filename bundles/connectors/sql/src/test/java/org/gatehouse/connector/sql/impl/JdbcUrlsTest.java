package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class JdbcUrlsTest {

    @Test
    public void urlsWithoutCredentialsStayAsTheyAre() {
        for (String url : List.of("jdbc:postgresql://db:5432/sales", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
                "jdbc:sqlserver://h;databaseName=d;encrypt=true", "jdbc:postgresql://db/sales?ssl=true&tcpKeepAlive=true")) {
            assertEquals(url, JdbcUrls.withoutCredentials(url));
        }
    }

    @Test
    public void removesQueryStyleCredentials() {
        assertEquals("jdbc:postgresql://db/sales?ssl=true",
                JdbcUrls.withoutCredentials("jdbc:postgresql://db/sales?user=bob&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://db/sales?ssl=true",
                JdbcUrls.withoutCredentials("jdbc:postgresql://db/sales?ssl=true&password=hunter2"));
        assertEquals("jdbc:postgresql://db/sales",
                JdbcUrls.withoutCredentials("jdbc:postgresql://db/sales?password=hunter2"));
        assertEquals("jdbc:postgresql://db/sales?ssl=true",
                JdbcUrls.withoutCredentials("jdbc:postgresql://db/sales?sslpassword=k3y&ssl=true"));
    }

    @Test
    public void removesSemicolonStyleCredentials() {
        assertEquals("jdbc:sqlserver://h;databaseName=d",
                JdbcUrls.withoutCredentials("jdbc:sqlserver://h;user=sa;Password=hunter2;databaseName=d"));
        assertEquals("jdbc:sqlserver://h;databaseName=d",
                JdbcUrls.withoutCredentials("jdbc:sqlserver://h;password={a;b}}c};databaseName=d"));
        assertEquals("jdbc:sqlserver://h;encrypt=true",
                JdbcUrls.withoutCredentials("jdbc:sqlserver://h;encrypt=true;trustStorePassword=changeit"));
        assertEquals("jdbc:h2:mem:x", JdbcUrls.withoutCredentials("jdbc:h2:mem:x;USER=sa;PASSWORD=pw"));
        assertEquals("jdbc:xyz:db", JdbcUrls.withoutCredentials("jdbc:xyz:db;pwd=pw;uid=me"));
    }

    @Test
    public void removesUserInfo() {
        assertEquals("jdbc:mysql://db:3306/sales", JdbcUrls.withoutCredentials("jdbc:mysql://bob:hunter2@db:3306/sales"));
    }

    @Test
    public void findsSecretsButNotUserNames() {
        assertEquals(List.of("hunter2"),
                JdbcUrls.secretsIn("jdbc:postgresql://db/sales?user=bob&password=hunter2&ssl=true"));
        assertEquals(List.of("a;b}c", "changeit"),
                JdbcUrls.secretsIn("jdbc:sqlserver://h;password={a;b}}c};trustStorePassword=changeit"));
        assertEquals(List.of("hunter2"), JdbcUrls.secretsIn("jdbc:mysql://bob:hunter2@db/sales"));
        assertEquals(List.of(), JdbcUrls.secretsIn("jdbc:h2:mem:x;USER=sa;PASSWORD="));
    }
}
