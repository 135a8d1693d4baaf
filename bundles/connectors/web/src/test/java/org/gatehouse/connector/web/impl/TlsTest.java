package org.gatehouse.connector.web.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** HTTPS with a self-signed certificate made for this test by the JDK's keytool: refused unless trusted. */
public class TlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private TestServer server;
    private KeyStore keyStore;

    @Before
    public void start() throws Exception {
        File store = new File(temp.getRoot(), "server.p12");
        String keytool = System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool";
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.getPath(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue("keytool did not finish", process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(output, 0, process.exitValue());
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store.toPath())) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server = new TestServer(https);
        server.on("/api/data", exchange -> TestServer.json(exchange, "[{\"secure\": true}]"));
        server.on("/api", exchange -> TestServer.json(exchange, "[]"));
    }

    @After
    public void stop() {
        server.close();
    }

    private DataSourceSettings settings() {
        return new DataSourceSettings("tls", "web", Map.of("url", "https://127.0.0.1:" + server.port() + "/api",
                "maxRetries", "0"));
    }

    @Test
    public void anUntrustedCertificateIsRefusedByDefault() {
        WebConnector connector = new WebConnector();
        try {
            connector.open(settings(), Credentials.anonymous(), new Query("q", "data"));
            fail("a self-signed certificate must not be accepted");
        } catch (ConnectorException e) {
            assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("the TLS connection failed"));
        } finally {
            connector.deactivate();
        }
        assertEquals(List.of(), server.requests);
    }

    @Test
    public void aTrustedCertificateIsAccepted() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        WebConnector connector = new WebConnector(clientContext);
        try {
            assertEquals(List.of(List.of(true)), WebConnectorTest.rows(connector.open(settings(),
                    Credentials.anonymous(), new Query("q", "data"))));
            connector.test(settings(), Credentials.anonymous());
        } finally {
            connector.deactivate();
        }
    }
}
