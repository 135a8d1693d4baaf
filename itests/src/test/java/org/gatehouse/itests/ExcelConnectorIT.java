package org.gatehouse.itests;

import static org.gatehouse.itests.RelayClient.connect;
import static org.gatehouse.itests.RelayClient.refreshWithRetry;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import org.gatehouse.itests.RelayClient.Collected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.TableHeader;
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
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The excel-workbook connector installed into a running gateway with feature:install (it brings the Power Query engine
 * bundle and Jackson), then a generated workbook refreshed over the relay: one query computed in M, one reading a CSV
 * through a path map from the author's Windows folder, an M error, a workbook outside the allowed roots, and a
 * {@code Sql.Database} served by the gateway's own sql data source (an H2 database it names "warehouse"/"sales").
 * <p>
 * The workbook is generated here without POI (not available in the container): a zip holding only the DataMashup
 * part, which is all the engine reads of a workbook whose queries do not read its own sheets.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExcelConnectorIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(90);
    private static final String SECTION = "section Section1;\r\n"
            + "shared Totals = Table.TransformColumnTypes(#table({\"id\", \"amount\"}, {{1, 10.5}, {2, 20}}),"
            + " {{\"id\", Int64.Type}, {\"amount\", type number}});\r\n"
            + "shared Regions = Table.PromoteHeaders(Csv.Document(File.Contents("
            + "\"C:\\Users\\author\\Desktop\\regions.csv\"), [Delimiter=\",\"]));\r\n"
            + "shared Broken = error Error.Record(\"DataFormat.Error\", \"no such region\");\r\n"
            + "shared Warehouse = Sql.Database(\"warehouse\", \"sales\", [Query=\"SELECT region, amount FROM "
            + "excel_sales ORDER BY region\"]);\r\n"
            + "shared Elsewhere = Sql.Database(\"hr-sql\", \"people\", [Query=\"SELECT 1\"]);\r\n"
            + "shared Amounts = Table.TransformColumnTypes(#table({\"amount\"}, {{\"10\"}, {\"ten\"}}),"
            + " {{\"amount\", type number}});\r\n";
    private static final String H2_URL = "jdbc:h2:mem:excel_it;DB_CLOSE_DELAY=-1";
    private static boolean defined;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private FeaturesService featuresService;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private RefreshService refreshService;

    @Inject
    @Filter("(osgi.jdbc.driver.class=org.h2.Driver)")
    private DataSourceFactory h2;

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
        featuresService.installFeature("gatehouse-connector-excel", EnumSet.noneOf(FeaturesService.Option.class));

        Path data = Path.of(System.getProperty("karaf.data"));
        Path root = Files.createDirectories(data.resolve("itest-workbooks"));
        Path inputs = Files.createDirectories(root.resolve("inputs"));
        Files.write(root.resolve("book.xlsx"), workbook(SECTION, "Totals", "Regions", "Broken", "Warehouse",
                "Elsewhere", "Amounts"));
        try (Connection c = h2.createDriver(null).connect(H2_URL, new Properties());
                Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS excel_sales (region VARCHAR(10), amount DECIMAL(10,2))");
            sql.execute("INSERT INTO excel_sales VALUES ('North', 12.50), ('East', 7.25)");
        }
        defineDataSource(configurationAdmin, "warehouse", Map.of("kind", "sql", "url", H2_URL, "powerQuery.server", "warehouse",
                "powerQuery.database", "sales"));
        Files.writeString(inputs.resolve("regions.csv"), "region,code\r\nNorth,N\r\nSouth,S\r\nEast,E\r\n");
        Files.write(data.resolve("outside.xlsx"), workbook(SECTION, "Totals"));
        Dictionary<String, Object> roots = new Hashtable<>();
        roots.put("allowedRoots", root.toString());
        configurationAdmin.getConfiguration("org.gatehouse.connector.file", null).update(roots);

        defineDataSource(configurationAdmin, "book", Map.of("kind", "excel-workbook", "auth", "anonymous",
                "workbook", root.resolve("book.xlsx").toString(),
                "pathMap", "C:\\Users\\author\\Desktop=" + inputs));
        defineDataSource(configurationAdmin, "outside-book", Map.of("kind", "excel-workbook", "auth", "anonymous",
                "workbook", data.resolve("outside.xlsx").toString()));
        defineDataset(configurationAdmin, "excel-sales", Map.of("queries", "totals, regions",
                "query.totals.datasource", "book", "query.totals.text", "Totals",
                "query.regions.datasource", "book", "query.regions.text", "Regions"));
        defineDataset(configurationAdmin, "excel-warehouse", Map.of("queries", "w", "query.w.datasource", "book",
                "query.w.text", "Warehouse"));
        defineDataset(configurationAdmin, "excel-elsewhere", Map.of("queries", "q", "query.q.datasource", "book",
                "query.q.text", "Elsewhere"));
        defineDataset(configurationAdmin, "excel-amounts", Map.of("queries", "a", "query.a.datasource", "book",
                "query.a.text", "Amounts"));
        defineDataset(configurationAdmin, "excel-broken", Map.of("queries", "q", "query.q.datasource", "book", "query.q.text", "Broken"));
        defineDataset(configurationAdmin, "excel-outside", Map.of("queries", "q", "query.q.datasource", "outside-book",
                "query.q.text", "Totals"));
        List<String> missing = Eventually.problemsAfter(SETUP_TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(List.of("excel-sales", "excel-broken", "excel-outside",
                    "excel-warehouse", "excel-elsewhere", "excel-amounts"));
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());
        defined = true;
    }

    @Test
    public void workbookQueriesArriveOverTheRelay() throws Exception {
        Collected result = refreshWithRetry("excel-sales", SETUP_TIMEOUT);
        assertEquals(List.of("totals", "regions"), result.tables.stream().map(TableHeader::name).toList());
        assertEquals(5, result.rows.size());
        assertEquals(Arrays.asList(1L, 10.5), Arrays.asList(result.rows.get(0)));
        assertEquals(Arrays.asList(2L, 20.0), Arrays.asList(result.rows.get(1)));
        assertEquals(Arrays.asList("North", "N"), Arrays.asList(result.rows.get(2)));
        assertEquals(Arrays.asList("East", "E"), Arrays.asList(result.rows.get(4)));
    }

    @Test
    public void sqlDatabaseRunsThroughTheGatewaysSqlDataSource() throws Exception {
        Collected result = refreshWithRetry("excel-warehouse", SETUP_TIMEOUT);
        assertEquals(List.of("w"), result.tables.stream().map(TableHeader::name).toList());
        assertEquals(2, result.rows.size());
        assertEquals("East", result.rows.get(0)[0]);
        assertEquals(7.25, ((Number) result.rows.get(0)[1]).doubleValue(), 0);
        assertEquals("North", result.rows.get(1)[0]);
    }

    @Test
    public void aDatabaseTheGatewayHasNoDataSourceForIsNamed() throws Exception {
        refreshWithRetry("excel-sales", SETUP_TIMEOUT);
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, "excel-elsewhere", new Collected());
            fail("no gateway data source serves hr-sql/people");
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), "QUERY_FAILED", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("no gateway data source for Sql.Database server hr-sql "
                    + "database people; add one with kind=sql"));
        }
    }

    @Test
    public void aCellWhoseValueIsAnErrorArrivesAsNullWithAWarning() throws Exception {
        refreshWithRetry("excel-sales", SETUP_TIMEOUT);
        try (GatehouseClient client = connect()) {
            Collected result = new Collected();
            RefreshSummary summary = client.refreshDataset(GATEWAY, "excel-amounts", result);
            assertEquals(2, result.rows.size());
            assertEquals(10.0, result.rows.get(0)[0]);
            assertEquals(null, result.rows.get(1)[0]);
            assertEquals(summary.warnings().toString(), 1, summary.warnings().size());
            assertTrue(summary.warnings().get(0), summary.warnings().get(0).startsWith("data source book, query a: "
                    + "1 cell's value is an error and was loaded as empty"));
            assertTrue(summary.warnings().get(0), summary.warnings().get(0).contains("row 2, column amount"));
        }
    }

    @Test
    public void anMErrorComesBackAsQueryFailed() throws Exception {
        refreshWithRetry("excel-sales", SETUP_TIMEOUT);
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, "excel-broken", new Collected());
            fail("the Broken query raises an M error");
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), "QUERY_FAILED", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("DataFormat.Error: no such region"));
        }
    }

    @Test
    public void aWorkbookOutsideTheAllowedRootsIsRefused() throws Exception {
        refreshWithRetry("excel-sales", SETUP_TIMEOUT);
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, "excel-outside", new Collected());
            fail("outside.xlsx must be refused");
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), "INVALID_SETTINGS", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("outside the folders"));
        }
    }

    /** A zip with customXml/item1.xml holding the DataMashup stream ([MS-QDEFF]) of the section, queries loaded. */
    private static byte[] workbook(String section, String... queries) throws IOException {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(parts)) {
            zip.putNextEntry(new ZipEntry("Formulas/Section1.m"));
            zip.write(section.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder xml = new StringBuilder("<LocalPackageMetadataFile><Items>");
        for (String q : queries) {
            xml.append("<Item><ItemLocation><ItemType>Formula</ItemType><ItemPath>Section1/").append(q)
                    .append("</ItemPath></ItemLocation><StableEntries><Entry Type=\"FillEnabled\" Value=\"l1\"/>")
                    .append("</StableEntries></Item>");
        }
        byte[] metadataXml = xml.append("</Items></LocalPackageMetadataFile>").toString()
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        metadata.write(int32(0));
        metadata.write(int32(metadataXml.length));
        metadata.write(metadataXml);
        metadata.write(int32(0));
        byte[] permissions = "<PermissionList/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(int32(0));
        stream.write(int32(parts.size()));
        stream.write(parts.toByteArray());
        stream.write(int32(permissions.length));
        stream.write(permissions);
        stream.write(int32(metadata.size()));
        stream.write(metadata.toByteArray());
        stream.write(int32(0));
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(book)) {
            zip.putNextEntry(new ZipEntry("customXml/item1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"utf-8\"?><DataMashup xmlns=\"http://schemas.microsoft.com/"
                    + "DataMashup\">" + Base64.getEncoder().encodeToString(stream.toByteArray()) + "</DataMashup>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return book.toByteArray();
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

}
