package org.gatehouse.itests;

import static org.gatehouse.itests.RelayClient.connect;
import static org.gatehouse.itests.RelayClient.refreshWithRetry;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import org.gatehouse.itests.RelayClient.Collected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.TableHeader;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The file and web connectors installed into a running gateway with feature:install, then refreshed over the relay:
 * a CSV file and a folder of files below an allowed root, a path that tries to leave it, and a paged JSON service
 * on a loopback HTTP server (a few lines over a ServerSocket: com.sun.net.httpserver is not exported in Karaf).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorsIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(90);
    private static boolean defined;
    private static ServerSocket web;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private FeaturesService featuresService;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private RefreshService refreshService;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"));
    }

    @Before
    public void installAndDefineOnce() throws Exception {
        if (defined) {
            return;
        }
        // the connectors are not boot features: installed while the gateway runs, as an owner would
        featuresService.installFeature("gatehouse-connector-file", EnumSet.noneOf(FeaturesService.Option.class));
        featuresService.installFeature("gatehouse-connector-web", EnumSet.noneOf(FeaturesService.Option.class));

        Path root = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "itest-files"));
        Files.writeString(root.resolve("sales.csv"), "id,day,amount,region\n1,2024-01-31,12.50,\"North, upper\"\n"
                + "2,2024-02-01,3.00,South\n");
        Path monthly = Files.createDirectories(root.resolve("monthly"));
        Files.writeString(monthly.resolve("2024-01.csv"), "id,amount\n1,10\n2,20\n");
        Files.writeString(monthly.resolve("2024-02.csv"), "amount,id\n30,3\n");
        Files.writeString(Path.of(System.getProperty("karaf.data"), "outside.csv"), "secret\n1\n");
        Dictionary<String, Object> roots = new Hashtable<>();
        roots.put("allowedRoots", root.toString());
        configurationAdmin.getConfiguration("org.gatehouse.connector.file", null).update(roots);

        web = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread server = new Thread(ConnectorsIT::serve, "itest-web");
        server.setDaemon(true);
        server.start();

        defineDataSource(configurationAdmin, "files", Map.of("kind", "file", "auth", "anonymous", "folder", root.toString()));
        defineDataset(configurationAdmin, "file-sales", Map.of("queries", "sales, monthly",
                "query.sales.datasource", "files", "query.sales.text", "sales.csv",
                "query.monthly.datasource", "files", "query.monthly.text", "monthly/*.csv"));
        defineDataset(configurationAdmin, "file-escape", Map.of("queries", "q", "query.q.datasource", "files",
                "query.q.text", "../outside.csv"));
        defineDataSource(configurationAdmin, "svc", Map.of("kind", "web", "auth", "anonymous",
                "url", "http://127.0.0.1:" + web.getLocalPort() + "/api", "recordPath", "items",
                "nextLinkPath", "next"));
        defineDataset(configurationAdmin, "web-orders", Map.of("queries", "orders", "query.orders.datasource", "svc",
                "query.orders.text", "orders"));
        List<String> missing = Eventually.problemsAfter(SETUP_TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(List.of("file-sales", "file-escape", "web-orders"));
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());
        defined = true;
    }

    @AfterClass
    public static void stopWeb() throws IOException {
        if (web != null) {
            web.close();
        }
    }

    @Test
    public void aCsvFileAndAFolderOfFilesArriveWithInferredTypes() throws Exception {
        Collected result = refreshWithRetry("file-sales", SETUP_TIMEOUT);
        assertEquals(List.of("sales", "monthly"), result.tables.stream().map(TableHeader::name).toList());
        assertEquals(Arrays.asList(1L, LocalDate.of(2024, 1, 31), new BigDecimal("12.50"), "North, upper"),
                Arrays.asList(result.rows.get(0)));
        assertEquals(Arrays.asList("2024-02.csv", 3L, 30L), Arrays.asList(result.rows.get(4)));
        assertEquals(5, result.rows.size());
    }

    @Test
    public void aPathLeavingTheAllowedRootsIsRefusedWithAReason() throws Exception {
        refreshWithRetry("file-sales", SETUP_TIMEOUT);
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, "file-escape", new Collected());
            fail("../outside.csv must be refused");
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), "INVALID_SETTINGS", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("'..' is not allowed"));
        }
    }

    @Test
    public void aPagedJsonServiceArrivesPageAfterPage() throws Exception {
        Collected result = refreshWithRetry("web-orders", SETUP_TIMEOUT);
        assertEquals(3, result.rows.size());
        assertEquals(Arrays.asList(3L, "c"), Arrays.asList(result.rows.get(2)));
    }

    /** Two JSON pages: /api/orders links to /api/orders?page=2. */
    private static void serve() {
        while (!web.isClosed()) {
            try (Socket socket = web.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0) {
                    head.append((char) c);
                    if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                        break;
                    }
                }
                String requestLine = head.toString().split("\r\n", 2)[0];
                String body = requestLine.contains("page=2") ? "{\"items\": [{\"id\": 3, \"name\": \"c\"}]}"
                        : "{\"items\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}], "
                                + "\"next\": \"/api/orders?page=2\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // closed at the end of the class, or a client that went away
            }
        }
    }

}
