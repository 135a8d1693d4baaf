package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.gatehouse.api.gateway.RelayStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The owner's gateway:* commands in the booted distribution, driven through real Karaf shell sessions as a signed-in
 * user: data sources over an H2 database that has a password, datasets, refreshes, history, status, refusals, and
 * the rule that a signed-in secret appears nowhere, neither in what a command prints nor in the logs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends GatehouseTestSupport {

    private static final String OWNER = "owner";
    private static final int SALES_ROWS = 2_500;
    private static final Duration COMMANDS_TIMEOUT = Duration.ofSeconds(90);

    /** The H2 database's password: the secret that must never show. Made up inside the container, once. */
    private static final String DB_PASSWORD = "h2-" + UUID.randomUUID();
    private static KarafShell shell;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    @Filter("(osgi.jdbc.driver.class=org.h2.Driver)")
    private DataSourceFactory h2;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                // the gateway's own debug logging and Karaf's log of every command line are part of what is
                // searched for the secret
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.gatehouse.level", "DEBUG"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.shellcommands.name",
                        "org.apache.karaf.shell.impl.console.osgi.LoggingCommandSessionListener"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.shellcommands.level",
                        "DEBUG"));
    }

    @Before
    public void prepareOnce() throws Exception {
        if (shell != null) {
            return;
        }
        createSalesDatabase();
        KarafShell karaf = new KarafShell(sessionFactory, OWNER);
        karaf.awaitCommand("gateway:status", COMMANDS_TIMEOUT);
        shell = karaf;
    }

    @Test
    public void statusShowsTheRelayLinkTheSqlConnectorAndLastRefreshes() throws Exception {
        List<String> problems = Eventually.problemsAfter(Duration.ofSeconds(30), () -> {
            String status = shell.run("gateway:status").ok();
            List<String> missing = new ArrayList<>();
            for (String expected : new String[] {"local", "amqp://127.0.0.1:" + relayPort(), "sql"}) {
                if (!status.contains(expected)) {
                    missing.add(expected);
                }
            }
            if (!status.matches("(?s).*Connected\\s*\\S?\\s*yes.*")) {
                missing.add("Connected yes");
            }
            if (status.matches("(?s).*Last heartbeat\\s*\\S?\\s*never.*")) {
                missing.add("a last heartbeat");
            }
            return missing.isEmpty() ? List.of() : List.of("status lacks " + missing + ":\n" + status);
        });
        assertTrue(problems.toString(), problems.isEmpty());
    }

    @Test
    public void connectorsShowKindVersionAndSignInTypes() {
        String connectors = shell.run("gateway:connectors").ok();
        assertTrue(connectors, connectors.matches("(?s).*sql\\s*\\S?\\s*\\d+\\.\\d+\\.\\d+.*anonymous, basic, windows.*"));
    }

    @Test
    public void aDataSourceIsAddedSignedInListedShownTestedAndRemoved() throws Exception {
        String id = "h2-lifecycle";
        addSalesSource(id);
        signInWithPasswordFile(id, DB_PASSWORD);

        String list = shell.run("gateway:datasource-list").ok();
        assertTrue(list, list.matches("(?s).*" + id + "\\s*\\S?\\s*sql\\s*\\S?\\s*basic\\s*\\S?\\s*" + OWNER + ".*"));

        String show = shell.run("gateway:datasource-show " + id).ok();
        assertTrue(show, show.contains(salesUrl()));
        assertTrue(show, show.contains("basic") && show.contains(OWNER));

        assertTrue(shell.run("gateway:datasource-test " + id).ok().contains("sign-in accepted"));

        assertTrue(shell.run("gateway:datasource-remove " + id).ok().contains("removed"));
        assertFalse(shell.run("gateway:datasource-list").ok().contains(id));
        assertTrue(shell.run("gateway:datasource-show " + id).refused().contains(id));
    }

    @Test
    public void aDatasetRefreshedFromTheShellEndsWithItsStatusAndIsInTheHistory() throws Exception {
        addSalesSource("h2-refresh");
        signInWithPasswordFile("h2-refresh", DB_PASSWORD);
        shell.run("gateway:dataset-add --query \"sales=h2-refresh:SELECT * FROM sales ORDER BY id\" "
                + "--query \"total=h2-refresh:SELECT COUNT(*) AS n, SUM(amount) AS amount FROM sales\" sales-refresh")
                .ok();

        String show = shell.run("gateway:dataset-show sales-refresh").ok();
        assertTrue(show, show.contains("SELECT * FROM sales ORDER BY id") && show.contains("total"));
        assertTrue(shell.run("gateway:dataset-list").ok().contains("sales-refresh"));

        String refreshed = shell.run("gateway:refresh --wait sales-refresh").ok();
        assertTrue(refreshed, refreshed.contains("sales-refresh: SUCCEEDED, 2 tables, "
                + String.format("%,d", SALES_ROWS + 1) + " rows"));

        String background = shell.run("gateway:refresh sales-refresh").ok();
        assertTrue(background, background.contains("started in the background"));
        List<String> problems = Eventually.problemsAfter(Duration.ofSeconds(30), () -> {
            String history = shell.run("gateway:history sales-refresh").ok();
            long succeeded = history.lines().filter(line -> line.contains("SUCCEEDED")
                    && line.contains(String.format("%,d", SALES_ROWS + 1)) && line.contains("shell:" + OWNER)).count();
            return succeeded == 2 ? List.of() : List.of("two refreshes by shell:" + OWNER + " expected:\n" + history);
        });
        assertTrue(problems.toString(), problems.isEmpty());
        assertTrue(shell.run("gateway:dataset-list").ok().contains("SUCCEEDED"));
    }

    @Test
    public void aDataSourceADatasetUsesIsNotRemoved() throws Exception {
        addSalesSource("h2-in-use");
        shell.run("gateway:dataset-add --query \"q=h2-in-use:SELECT 1\" uses-h2").ok();

        String refusal = shell.run("gateway:datasource-remove h2-in-use").refused();
        assertTrue(refusal, refusal.contains("uses-h2"));
        assertTrue(shell.run("gateway:datasource-list").ok().contains("h2-in-use"));

        shell.run("gateway:dataset-remove uses-h2").ok();
        shell.run("gateway:datasource-remove h2-in-use").ok();
    }

    @Test
    public void badInputIsRefusedWithOneClearLine() {
        assertEquals("--set takes key=value, got 'jdbc:h2:mem:x'",
                shell.run("gateway:datasource-add --kind sql --set jdbc:h2:mem:x bad").refused());
        assertTrue(shell.run("gateway:dataset-add --query nothing-here bad").refused()
                .contains("--query takes NAME=DATASOURCE:QUERY"));
        assertTrue(shell.run("gateway:dataset-show no-such-dataset").refused().contains("no-such-dataset"));
        assertTrue(shell.run("gateway:refresh --wait no-such-dataset").refused().contains("no-such-dataset"));
        assertTrue(shell.run("gateway:datasource-signin --auth telepathy no-such").refused()
                .contains("unknown sign-in type 'telepathy'"));
    }

    @Test
    public void aSessionWithoutTerminalCannotBeAskedForAPassword() throws Exception {
        addSalesSource("h2-headless");
        String refusal = shell.run("gateway:datasource-signin --auth basic --user " + OWNER + " h2-headless").refused();
        assertTrue(refusal, refusal.contains("--password-file"));
        shell.run("gateway:datasource-remove h2-headless").ok();
    }

    @Test
    public void aSignedInPasswordNeverAppearsInOutputOrLogs() throws Exception {
        String wrongPassword = "wrong-" + UUID.randomUUID();
        addSalesSource("h2-secret");

        // at a terminal the password is asked for, and typing it shows nothing of it
        KarafShell.Outcome prompted = shell.runAtTerminal("gateway:datasource-signin --auth basic --user " + OWNER
                + " h2-secret", DB_PASSWORD + "\n");
        prompted.ok();
        assertTrue(prompted.output(), prompted.output().contains("Password for " + OWNER + "@h2-secret:"));
        shell.run("gateway:datasource-test h2-secret").ok();
        shell.run("gateway:dataset-add --query \"sales=h2-secret:SELECT * FROM sales\" secret-sales").ok();
        shell.run("gateway:refresh --wait secret-sales").ok();

        // a wrong password is refused by the database, and the refusal does not repeat it either
        signInWithPasswordFile("h2-secret", wrongPassword);
        String testFailure = shell.run("gateway:datasource-test h2-secret").refused();
        assertTrue(testFailure, testFailure.contains("AUTHENTICATION_FAILED"));
        String refreshFailure = shell.run("gateway:refresh --wait secret-sales").refused();
        assertTrue(refreshFailure, refreshFailure.contains("FAILED (AUTHENTICATION_FAILED)"));
        String failedHistory = shell.run("gateway:history --failed secret-sales").ok();
        assertTrue(failedHistory, failedHistory.contains("FAILED") && !failedHistory.contains("SUCCEEDED"));

        for (String command : new String[] {"gateway:datasource-show h2-secret", "gateway:datasource-list",
                "gateway:history", "gateway:status", "gateway:dataset-show secret-sales"}) {
            shell.run(command).ok();
        }

        for (String secret : List.of(DB_PASSWORD, wrongPassword)) {
            for (String printed : shell.everythingPrinted()) {
                assertFalse("a command printed the password:\n" + printed, printed.contains(secret));
            }
            assertNotInLogs(secret);
        }
    }

    /** RelayStatus is registered by hand so that the relay's configuration, with its password, is not published. */
    @Test
    public void theRelayStatusServicePublishesNoConfiguration() {
        ServiceReference<RelayStatus> status = bundleContext.getServiceReference(RelayStatus.class);
        assertTrue("no RelayStatus service", status != null);
        for (String key : status.getPropertyKeys()) {
            assertFalse(key, key.equals("url") || key.equals("password") || key.equals("user"));
        }
    }

    private void assertNotInLogs(String secret) throws IOException {
        Path logs = Path.of(System.getProperty("karaf.data"), "log");
        String everything;
        try (Stream<Path> files = Files.walk(logs)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            everything = text.toString();
        }
        // the search is only worth something if the log holds what the commands did
        assertTrue("karaf.log does not show the shell commands", everything.contains("gateway:datasource-test"));
        assertFalse("the password is in " + logs, everything.contains(secret));
    }

    private static void addSalesSource(String id) {
        shell.run("gateway:datasource-add --kind sql --set \"url=" + salesUrl() + "\" " + id).ok();
    }

    private static void signInWithPasswordFile(String id, String password) throws IOException {
        Path file = Files.createTempFile(Path.of(System.getProperty("karaf.data")), "signin", ".txt");
        try {
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            shell.run("gateway:datasource-signin --auth basic --user " + OWNER + " --password-file " + file + " "
                    + id).ok();
        } finally {
            Files.delete(file);
        }
    }

    /** IFEXISTS: a wrong path must fail, not create an empty database; the ';' needs the quotes it gets above. */
    private static String salesUrl() {
        return "jdbc:h2:" + Path.of(System.getProperty("karaf.data"), "shell-it", "sales") + ";IFEXISTS=TRUE";
    }

    private void createSalesDatabase() throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", OWNER);
        credentials.setProperty("password", DB_PASSWORD);
        String url = "jdbc:h2:" + Path.of(System.getProperty("karaf.data"), "shell-it", "sales");
        try (Connection connection = h2.createDriver(null).connect(url, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sales AS SELECT X AS id, 'item ' || X AS item, X * 1.5 AS amount "
                    + "FROM SYSTEM_RANGE(1, " + SALES_ROWS + ")");
        }
    }
}
