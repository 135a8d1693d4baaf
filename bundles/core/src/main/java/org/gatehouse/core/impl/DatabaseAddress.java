package org.gatehouse.core.impl;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.api.DataSourceSettings;

/**
 * A database as a workbook names it ({@code Sql.Database("host\instance,1433", "Sales")}) or as a {@code sql} data
 * source's settings describe it, reduced to what both can be compared on: host (with a SQL Server instance name),
 * port when one is known, and database. Names compare case-insensitively, as SQL Server's do.
 *
 * @param host     lower case host, {@code host\instance} for a named instance
 * @param port     the port, or null when none is written (the driver's default applies)
 * @param database the database name, lower case
 */
record DatabaseAddress(String host, Integer port, String database) {

    /**
     * Settings of a sql data source that say how workbooks name its database, for data sources whose {@code url}
     * does not say it plainly (an H2 file, a URL with a host alias): {@value #SERVER_SETTING} and
     * {@value #DATABASE_SETTING}.
     */
    static final String SERVER_SETTING = "powerQuery.server";
    static final String DATABASE_SETTING = "powerQuery.database";

    /** jdbc:postgresql://host:port/db, jdbc:mysql://..., jdbc:mariadb://...; the first host of a list only. */
    private static final Pattern SLASH_URL = Pattern.compile(
            "(?i)jdbc:(postgresql|mysql|mariadb)://([^/:,?;]+)(?::(\\d+))?(?:,[^/]*)?/([^?;/]+).*");
    /** jdbc:sqlserver://host[\instance][:port];...databaseName=db... */
    private static final Pattern SQLSERVER_URL = Pattern.compile("(?i)jdbc:sqlserver://([^;:]*)(?::(\\d+))?(;.*)?");
    private static final Pattern SQLSERVER_DATABASE = Pattern.compile("(?i);\\s*(?:databaseName|database)\\s*=([^;]*)");

    /** The default port of the database a JDBC URL (or SQL Server settings: null) points at. */
    static Integer defaultPort(String jdbcUrl) {
        String url = jdbcUrl == null ? "jdbc:sqlserver:" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlserver:")) {
            return 1433;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return 5432;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return 3306;
        }
        return null;
    }

    /** A workbook's server text: {@code host}, {@code host:port}, {@code host,port} or {@code host\instance[,port]}. */
    static DatabaseAddress named(String server, String database) {
        String text = server.trim();
        Integer port = null;
        int separator = Math.max(text.lastIndexOf(','), text.lastIndexOf(':'));
        if (separator > 0 && text.substring(separator + 1).trim().matches("\\d{1,5}")) {
            port = Integer.parseInt(text.substring(separator + 1).trim());
            text = text.substring(0, separator).trim();
        }
        return new DatabaseAddress(lower(text), port, lower(database));
    }

    /** What a sql data source's settings say about the database it opens; empty when they do not say. */
    static Optional<DatabaseAddress> of(DataSourceSettings settings) {
        Optional<String> server = settings.get(SERVER_SETTING);
        Optional<String> database = settings.get(DATABASE_SETTING);
        if (server.isPresent() && database.isPresent()) {
            return Optional.of(named(server.get(), database.get()));
        }
        Optional<String> url = settings.get("url");
        if (url.isPresent()) {
            return fromUrl(url.get());
        }
        Optional<String> host = settings.get("server").or(() -> settings.get("host"));
        if (host.isEmpty() || settings.get("database").isEmpty()) {
            return Optional.empty();
        }
        Integer port = settings.get("port").filter(p -> p.matches("\\d{1,5}")).map(Integer::valueOf).orElse(null);
        return Optional.of(new DatabaseAddress(lower(host.get()), port, lower(settings.get("database").get())));
    }

    private static Optional<DatabaseAddress> fromUrl(String url) {
        Matcher slash = SLASH_URL.matcher(url);
        if (slash.matches()) {
            return Optional.of(new DatabaseAddress(lower(slash.group(2)),
                    slash.group(3) == null ? null : Integer.valueOf(slash.group(3)), lower(slash.group(4))));
        }
        Matcher sqlServer = SQLSERVER_URL.matcher(url);
        if (sqlServer.matches() && sqlServer.group(3) != null) {
            Matcher database = SQLSERVER_DATABASE.matcher(sqlServer.group(3));
            if (database.find() && !sqlServer.group(1).isBlank()) {
                return Optional.of(new DatabaseAddress(lower(sqlServer.group(1)),
                        sqlServer.group(2) == null ? null : Integer.valueOf(sqlServer.group(2)),
                        lower(database.group(1))));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this workbook-named address is the database {@code source} describes; a port left out on either side
     * is the data source's driver default ({@code defaultPort}, null when the driver has none known).
     */
    boolean sameAs(DatabaseAddress source, Integer defaultPort) {
        if (!host.equals(source.host) || !database.equals(source.database)) {
            return false;
        }
        Integer mine = port == null ? defaultPort : port;
        Integer theirs = source.port == null ? defaultPort : source.port;
        return mine == null ? theirs == null : mine.equals(theirs);
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
