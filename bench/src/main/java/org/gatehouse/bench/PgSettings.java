package org.gatehouse.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the benchmark's PostgreSQL is: the same environment variables and defaults as the SQL connector's tests
 * ({@code itests/postgres.sh} sets that server up), so one prepared machine serves both.
 */
record PgSettings(String url, String user, String password) {

    static final String URL_VARIABLE = "GATEHOUSE_PG_URL";
    static final String USER_VARIABLE = "GATEHOUSE_PG_USER";
    static final String PASSWORD_VARIABLE = "GATEHOUSE_PG_PASSWORD";

    static PgSettings fromEnvironment(Map<String, String> environment) {
        return new PgSettings(
                environment.getOrDefault(URL_VARIABLE, "jdbc:postgresql://127.0.0.1:5432/gatehouse_test"),
                environment.getOrDefault(USER_VARIABLE, "gatehouse"),
                environment.getOrDefault(PASSWORD_VARIABLE, "gatehouse"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Never shows the password: this string ends up in the benchmark's output. */
    @Override
    public String toString() {
        return user + "@" + url;
    }
}
