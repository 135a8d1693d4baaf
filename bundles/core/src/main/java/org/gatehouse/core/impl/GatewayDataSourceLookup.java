package org.gatehouse.core.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceLookup;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.core.impl.vault.CredentialStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's data sources as sources of a workbook's nested queries: finds the {@code sql} or {@code web} data
 * source that serves a database or URL and opens the query through its connector with its signed-in credentials,
 * exactly as a refresh of that data source would. The owner decides what a workbook can reach by the data sources
 * configured; nothing a workbook says adds a host, a database or credentials.
 * <p>
 * A connector that goes away while a nested read goes through it has that read cancelled, as the refresh engine does
 * for the reads it runs itself, so no read keeps using the code of a stopped bundle or its connection.
 */
@Component(service = DataSourceLookup.class)
public class GatewayDataSourceLookup implements DataSourceLookup {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDataSourceLookup.class);

    private final DefinitionRegistry definitions;
    private final ConnectorRegistry connectors;
    private final Set<NestedRead> reading = ConcurrentHashMap.newKeySet();
    private volatile CredentialStore vault;

    private record NestedRead(Connector connector, String dataSource, RowSource rows) {
    }

    @Activate
    public GatewayDataSourceLookup(@Reference DefinitionRegistry definitions, @Reference ConnectorRegistry connectors) {
        this.definitions = definitions;
        this.connectors = connectors;
        connectors.onRemoval(this::connectorRemoved);
    }

    private void connectorRemoved(Connector connector, String kind) {
        for (NestedRead read : reading) {
            if (read.connector() == connector) {
                LOG.warn("a workbook's read of data source {} is cancelled: connector {} is being removed",
                        read.dataSource(), kind);
                read.rows().cancel();
            }
        }
    }

    /** Nested reads open now (tests). */
    int openReads() {
        return reading.size();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetVault")
    void setVault(CredentialStore store) {
        vault = store;
    }

    void unsetVault(CredentialStore store) {
        if (vault == store) {
            vault = null;
        }
    }

    @Override
    public RowSource openDatabase(String server, String database, Query query) throws ConnectorException {
        String asked = "Sql.Database server " + server + " database " + database;
        if (server == null || server.isBlank() || database == null || database.isBlank()) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, asked + ": both a server and a database are needed");
        }
        DatabaseAddress wanted = DatabaseAddress.named(server, database);
        List<DataSourceDefinition> matches = new ArrayList<>();
        for (DataSourceDefinition source : ofKind(SQL_KIND)) {
            Optional<DatabaseAddress> address = DatabaseAddress.of(source.settings());
            if (address.isPresent() && wanted.sameAs(address.get(),
                    DatabaseAddress.defaultPort(source.settings().get("url").orElse(null)))) {
                matches.add(source);
            }
        }
        if (matches.isEmpty()) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "no gateway data source for " + asked
                    + "; add one with kind=" + SQL_KIND + " and url=<its JDBC URL> (or server=" + server
                    + " and database=" + database + " for SQL Server), or name it with "
                    + DatabaseAddress.SERVER_SETTING + "=" + server + " and " + DatabaseAddress.DATABASE_SETTING
                    + "=" + database);
        }
        if (matches.size() > 1) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, asked + " is served by several gateway data "
                    + "sources (" + String.join(", ", matches.stream().map(DataSourceDefinition::id).toList())
                    + "); keep one");
        }
        return open(matches.get(0), query, asked);
    }

    @Override
    public RowSource openWeb(Query query) throws ConnectorException {
        String url = query.text().trim();
        String asked = "URL " + withoutQueryString(url);
        URI requested;
        try {
            requested = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "'" + withoutQueryString(url)
                    + "' is not a valid URL: " + e.getReason());
        }
        if (!requested.isAbsolute()) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "'" + withoutQueryString(url)
                    + "' is not an absolute http(s) URL");
        }
        DataSourceDefinition best = null;
        int bestCoverage = -1;
        List<String> tied = new ArrayList<>();
        for (DataSourceDefinition source : ofKind(WEB_KIND)) {
            Optional<Integer> coverage = source.settings().get("url").flatMap(base -> WebAddress.coverage(base,
                    requested));
            if (coverage.isEmpty() || coverage.get() < bestCoverage) {
                continue;
            }
            if (coverage.get() > bestCoverage) {
                tied.clear();
                best = source;
                bestCoverage = coverage.get();
            }
            tied.add(source.id());
        }
        if (best == null) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "no gateway data source for " + asked
                    + "; add one with kind=" + WEB_KIND + " and url=" + requested.getScheme() + "://"
                    + requested.getHost()
                    + (requested.getPort() < 0 ? "" : ":" + requested.getPort()) + "/... (a prefix of the URL)");
        }
        if (tied.size() > 1) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, asked + " is served by several gateway data "
                    + "sources with the same url (" + String.join(", ", tied) + "); keep one");
        }
        return open(best, query, asked);
    }

    private List<DataSourceDefinition> ofKind(String kind) {
        return definitions.dataSources().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private RowSource open(DataSourceDefinition source, Query query, String asked) throws ConnectorException {
        Connector connector = connectors.find(source.kind()).orElseThrow(() -> new ConnectorException(
                Reason.UNSUPPORTED, asked + " is served by data source " + source.id() + ", but connector "
                + source.kind() + " is not installed (feature:install gatehouse-connector-" + source.kind() + ")"));
        Credentials credentials;
        try {
            credentials = SignedInCredentials.of(source, vault, Instant.now());
        } catch (SignedInCredentials.CredentialsUnusable e) {
            throw new ConnectorException(e.expired() ? Reason.AUTHENTICATION_FAILED : Reason.INVALID_SETTINGS,
                    e.getMessage());
        }
        RowSource rows = connector.open(source.settings(), credentials, query);
        NestedRead read = new NestedRead(connector, source.id(), rows);
        reading.add(read);
        if (connectors.find(source.kind()).orElse(null) != connector) {
            rows.cancel(); // it went away while the read was opening, before the removal could see it
        }
        return new NestedRowSource(rows, () -> reading.remove(read));
    }

    /** A URL as it may be shown: query strings can carry keys. */
    private static String withoutQueryString(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
