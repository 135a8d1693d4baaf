package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import javax.net.ssl.SSLContext;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.connector.file.format.RecordRowSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code web} connector: JSON, CSV and OData v4 over HTTP(S), through the JDK's HttpClient. Every request goes
 * to a host on the data source's allowlist, redirects included; responses are streamed and parsed as they arrive.
 */
@Component(service = Connector.class, property = Connector.KIND_PROPERTY + "=" + WebConnector.KIND)
public final class WebConnector implements Connector {

    static final String KIND = "web";

    private static final Set<AuthenticationType> SUPPORTED_AUTHENTICATION = Collections.unmodifiableSet(
            EnumSet.of(AuthenticationType.ANONYMOUS, AuthenticationType.BASIC, AuthenticationType.KEY,
                    AuthenticationType.OAUTH2));

    private final SSLContext sslContext;
    /**
     * HTTP clients by connect timeout, shared by all reads: each client keeps a selector thread and a connection
     * pool, which one client per refresh would pile up until garbage collection.
     */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    /** Read-timeout alarms of every response body being read. */
    private final ScheduledExecutorService timer;

    /** For Declarative Services: the JVM's default trust store verifies servers. */
    public WebConnector() {
        this(null);
    }

    /** With a TLS context of its own (tests trusting a generated certificate). */
    WebConnector(SSLContext sslContext) {
        this.sslContext = sslContext;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-web-read-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = Executors.unconfigurableScheduledExecutorService(executor);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        clients.clear();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return SUPPORTED_AUTHENTICATION;
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        WebSettings web = WebSettings.of(settings, null);
        HttpResponse<InputStream> response = client(web, credentials).fetch(web.target(), true);
        try (InputStream body = response.body()) {
            body.readNBytes(1024);
        } catch (IOException e) {
            // it answered 2xx: reachable, and the credentials were accepted
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        WebSettings web = WebSettings.of(settings, query);
        // every setting is checked before the first request
        String format = web.format();
        if ("binary".equals(format)) {
            web.maxContentBytes();
            return BinaryContent.read(client(web, credentials).fetch(web.target(), true), web, timer, query.name());
        }
        List<Column> declared = web.columns();
        int sampleRows = web.sampleRows();
        web.csv(false);
        web.maxPages();
        WebClient client = client(web, credentials);
        if (declared == null && "odata".equals(format) && web.odataMetadata()) {
            declared = odataColumns(client, web);
        }
        HttpResponse<InputStream> first = client.fetch(web.target(), true);
        PagedRecordReader reader = new PagedRecordReader(client, web, timer, web.target(), first);
        RecordRowSource source = RecordRowSource.open(reader, declared, sampleRows, web.skipMalformedRows(),
                new WebFailures(settings.id(), query.name()));
        source.onCancel(reader::abort);
        return source;
    }

    private WebClient client(WebSettings web, Credentials credentials) throws ConnectorException {
        HttpClient http = clients.computeIfAbsent(web.connectTimeout(),
                timeout -> WebClient.newHttpClient(timeout, sslContext));
        return new WebClient(web, credentials, http);
    }

    private static List<Column> odataColumns(WebClient client, WebSettings web) throws ConnectorException {
        String root = web.get("url");
        if (root == null) {
            return null;
        }
        try {
            return ODataMetadata.columns(client, Urls.parse(root), web.target());
        } catch (URISyntaxException e) {
            return null;
        } catch (ConnectorException e) {
            if (e.reason() == ConnectorException.Reason.AUTHENTICATION_FAILED) {
                throw e;
            }
            // a service without $metadata still has values to infer the types from
            return null;
        }
    }

    static URI uri(String text) throws URISyntaxException {
        return Urls.parse(text);
    }
}
