package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.powerquery.MashupQuery;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;
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
 * Every Excel-written workbook with Power Query in the shared test data ({@code ../shared/testdata/workbooks},
 * enumerated, skipped when absent), refreshed by the gateway and received over the relay as the service receives it:
 * each query the workbook loads to a sheet is one table of a dataset, and the table Excel itself last refreshed onto
 * that sheet ({@code table:<FillTarget>}) is another table of the same refresh. Both arrive through the same relay and
 * protocol and must be equal: names in order, row count, every cell (numbers to Excel's 15 significant digits).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SharedWorkbooksIT extends GatehouseTestSupport {

    private static final String WORKBOOKS_PROPERTY = "gatehouse.itests.workbooks";
    private static final String GATEWAY = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Columns that hold the refresh time (DateTime.LocalNow()): compared by presence only. */
    private static final Set<String> VOLATILE = Set.of("DateTimeGenerated", "Now");
    /**
     * Where the authors' workbooks read their inputs, mapped to the copies under inputs/ (pathMap of the data
     * source). Workbooks not listed read only themselves.
     */
    private static final Map<String, String> INPUTS = Map.of(
            "connect.xlsx", "C:\\Users\\danie\\OneDrive\\Projects\\PowerQueryCourseBeginners\\Full stack Reporting in "
                    + "Excel\\ETL\\Connect=inputs/connect",
            "basic-transformations.xlsx", "C:\\Users\\czDanKle\\OneDrive - LEGO\\me-3.0\\Myself\\Freelance\\DataWizard"
                    + "\\Projects\\PowerQueryBeginner\\power-query-excel-beginner\\Full stack Reporting in Excel\\20. "
                    + "ETL\\30. Transform\\10. Basic\\Data=inputs/basic",
            "table-lookup.xlsx", "C:\\Users\\shins\\OneDrive\\Desktop\\refresh_bi\\test\\raw_data=inputs/st-415");

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private RefreshService refreshService;

    @Configuration
    public Option[] configuration() {
        Path workbooks = Path.of("..", "..", "shared", "testdata", "workbooks").toAbsolutePath().normalize();
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                        "gatehouse-client,gatehouse-connector-excel"),
                systemProperty(WORKBOOKS_PROPERTY).value(workbooks.toString()));
    }

    @Test
    public void everyLoadedQueryArrivesEqualToExcelsOwnRefresh() throws Exception {
        Path folder = Path.of(System.getProperty(WORKBOOKS_PROPERTY));
        assumeTrue("no shared test data at " + folder, Files.isDirectory(folder));
        Dictionary<String, Object> roots = new Hashtable<>();
        roots.put("allowedRoots", folder.toString());
        configurationAdmin.getConfiguration("org.gatehouse.connector.file", null).update(roots);

        Map<String, List<MashupQuery>> datasets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path workbook : files.filter(f -> f.toString().matches(".*\\.(xlsx|xlsm|xlsb)")).sorted().toList()) {
                List<MashupQuery> loaded = PowerQuery.readMashup(Files.readAllBytes(workbook))
                        .map(mashup -> mashup.loadedQueries().stream()
                                .filter(q -> q.fillTarget() != null && !q.fillTarget().isEmpty()).toList())
                        .orElse(List.of());
                if (!loaded.isEmpty()) {
                    datasets.put(define(folder, workbook, loaded), loaded);
                }
            }
        }
        assertTrue("no workbook with Power Query in " + folder, !datasets.isEmpty());
        List<String> missing = Eventually.problemsAfter(TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(datasets.keySet());
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());

        int compared = 0;
        for (Map.Entry<String, List<MashupQuery>> dataset : datasets.entrySet()) {
            Received received = refresh(dataset.getKey());
            for (int i = 0; i < dataset.getValue().size(); i++) {
                String what = dataset.getKey() + " query " + dataset.getValue().get(i).name();
                assertSameTable(what, received.table("cache" + i), received.table("query" + i));
                compared++;
            }
        }
        System.out.println("compared " + compared + " queries of " + datasets.size() + " workbooks over the relay");
    }

    /** A data source for the workbook and a dataset with, per loaded query, the query and Excel's cached table. */
    private String define(Path folder, Path workbook, List<MashupQuery> loaded) throws Exception {
        String id = "shared-" + workbook.getFileName().toString().replaceAll("[^A-Za-z0-9]", "-");
        Dictionary<String, Object> source = new Hashtable<>(Map.of("id", id, "kind", "excel-workbook",
                "auth", "anonymous", "workbook", workbook.toString()));
        String inputs = INPUTS.get(workbook.getFileName().toString());
        if (inputs != null) {
            int split = inputs.lastIndexOf('=');
            source.put("pathMap", inputs.substring(0, split) + "=" + folder.resolve(inputs.substring(split + 1)));
        }
        configurationAdmin.createFactoryConfiguration("org.gatehouse.datasource", "?").update(source);

        Dictionary<String, Object> dataset = new Hashtable<>();
        dataset.put("name", id);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            names.add("query" + i);
            names.add("cache" + i);
            dataset.put("query.query" + i + ".datasource", id);
            dataset.put("query.query" + i + ".text", loaded.get(i).name());
            dataset.put("query.cache" + i + ".datasource", id);
            dataset.put("query.cache" + i + ".text", "table:" + loaded.get(i).fillTarget());
        }
        dataset.put("queries", String.join(", ", names));
        configurationAdmin.createFactoryConfiguration("org.gatehouse.dataset", "?").update(dataset);
        return id;
    }

    private static void assertSameTable(String what, Table cached, Table computed) {
        assertEquals(what + ": columns", cached.columnNames(), computed.columnNames());
        assertEquals(what + ": rows", cached.rows.size(), computed.rows.size());
        List<String> names = computed.columnNames();
        for (int r = 0; r < computed.rows.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                if (!VOLATILE.contains(names.get(c))) {
                    assertEquals(what + ": row " + r + " column " + names.get(c),
                            normalized(cached.rows.get(r)[c]), normalized(computed.rows.get(r)[c]));
                }
            }
        }
    }

    /**
     * One text for a value whichever way it travelled: Excel keeps 15 significant digits and no integer type, and
     * keeps dates as date-times at midnight; empty cells are nulls.
     */
    private static String normalized(Object value) {
        if (value == null || "".equals(value)) {
            return "";
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            LocalDateTime seconds = time.truncatedTo(ChronoUnit.SECONDS);
            return seconds.toLocalTime().toSecondOfDay() == 0 ? seconds.toLocalDate().toString() : seconds.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    private Received refresh(String dataset) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Duration wait = Duration.ofSeconds(60);
            try (GatehouseClient client = GatehouseClient.connect(RelayEndpoint.parse(relayUrl(), null, null),
                    ClientOptions.defaults().withFirstMessageTimeout(wait).withIdleTimeout(wait))) {
                Received received = new Received();
                client.refreshDataset(GATEWAY, dataset, received);
                return received;
            } catch (org.gatehouse.client.RelayException | org.gatehouse.client.ResultTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private record Table(TableHeader header, List<Object[]> rows) {
        List<String> columnNames() {
            return header.schema().columns().stream().map(org.gatehouse.api.Column::name).toList();
        }
    }

    /** The tables of one refresh as received, rows copied (the reader reuses its array). */
    private static final class Received implements ResultStreamReader.Listener {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private Table current;

        @Override
        public void beginTable(TableHeader table) {
            current = new Table(table, new ArrayList<>());
            tables.put(table.name(), current);
        }

        @Override
        public void row(Object[] values) {
            current.rows.add(values.clone());
        }

        Table table(String name) {
            Table table = tables.get(name);
            if (table == null) {
                throw new AssertionError("no table " + name + " in the refresh; received " + tables.keySet());
            }
            return table;
        }
    }
}
