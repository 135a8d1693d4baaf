package org.gatehouse.client.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

/** Command lines the CLI must refuse before it goes anywhere near a relay. */
public class CliUsageTest {

    private static final String RELAY = "amqp://127.0.0.1:1";

    @Test
    public void noArgumentsPrintsUsageAndFails() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("usage: gatehouse-client refresh"));
    }

    @Test
    public void helpPrintsUsageAndSucceeds() {
        for (String[] args : new String[][]{{"--help"}, {"help"}, {"refresh", "--help"}, {"heartbeat", "-h"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.OK, run.exitCode());
            assertTrue(run.out().contains("--password-env VAR"));
            assertEquals("", run.err());
        }
    }

    @Test
    public void unknownCommand() {
        assertUsageError("unknown command 'refesh'; expected refresh or heartbeat", "refesh", "--relay", RELAY);
    }

    @Test
    public void unknownOption() {
        assertUsageError("unknown option --dataset", "heartbeat", "--relay", RELAY, "--dataset", "x");
    }

    @Test
    public void optionWithoutValue() {
        assertUsageError("option --gateway needs a value", "refresh", "--relay", RELAY, "--gateway", "--dataset", "d");
        assertUsageError("option --dataset needs a value", "refresh", "--relay", RELAY, "--gateway", "g", "--dataset");
    }

    @Test
    public void repeatedOption() {
        assertUsageError("option --gateway is given more than once",
                "refresh", "--relay", RELAY, "--gateway", "a", "--gateway=b", "--dataset", "d");
    }

    @Test
    public void strayArgument() {
        assertUsageError("unexpected argument 'sales': options start with --",
                "refresh", "--relay", RELAY, "--gateway", "g", "sales");
    }

    @Test
    public void missingRequiredOptions() {
        assertUsageError("option --gateway is required", "refresh", "--relay", RELAY, "--dataset", "d");
        assertUsageError("option --dataset is required", "refresh", "--relay", RELAY, "--gateway", "g");
        assertUsageError("give the relay with either --relay URL or --relay-env VAR",
                "refresh", "--gateway", "g", "--dataset", "d");
    }

    @Test
    public void aPasswordArgumentIsRefusedWithoutEchoingIt() {
        CliRun run = CliRun.of("refresh", "--relay", RELAY, "--user", "u", "--password=s3cret", "--gateway", "g",
                "--dataset", "d");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err(), run.err().contains("--password is not accepted"));
        assertFalse(run.err().contains("s3cret"));
    }

    @Test
    public void passwordAndRelayVariablesMustBeSet() {
        assertUsageError("--password-env: environment variable RELAY_PW is not set",
                "refresh", "--relay", RELAY, "--user", "u", "--password-env", "RELAY_PW", "--gateway", "g",
                "--dataset", "d");
        assertUsageError("--relay-env: environment variable RELAY_URL is not set",
                "heartbeat", "--relay-env", "RELAY_URL", "--gateway", "g");
        assertUsageError("give the relay with either --relay URL or --relay-env VAR",
                "heartbeat", "--relay", RELAY, "--relay-env", "RELAY_URL", "--gateway", "g");
    }

    @Test
    public void aBadRelaySettingIsExplainedWithoutItsKey() {
        assertUsageError("relay: relay URL must start with amqp:// or amqps:// (or be a Service Bus connection string)",
                "heartbeat", "--relay", "http://example.org", "--gateway", "g");
        CliRun run = CliRun.of(Map.of("SB", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey=k3y=="),
                "heartbeat", "--relay-env", "SB", "--gateway", "g");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err(), run.err().contains("needs SharedAccessKeyName and SharedAccessKey"));
        assertFalse(run.err().contains("k3y"));
    }

    @Test
    public void badTimeoutAndFormat() {
        assertUsageError("option --timeout needs a positive number of seconds (at most 3 decimals), got 'soon'",
                "refresh", "--relay", RELAY, "--gateway", "g", "--dataset", "d", "--timeout", "soon");
        assertUsageError("option --timeout needs a positive number of seconds (at most 3 decimals), got '0'",
                "heartbeat", "--relay", RELAY, "--gateway", "g", "--timeout", "0");
        assertUsageError("option --format must be csv or jsonl, got 'xml'",
                "refresh", "--relay", RELAY, "--gateway", "g", "--dataset", "d", "--format", "xml");
    }

    @Test
    public void outputDirectoryMustExist() {
        CliRun run = CliRun.of("refresh", "--relay", RELAY, "--gateway", "g", "--dataset", "d",
                "--out", "/no/such/dir/out.csv");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err(), run.err().startsWith("gatehouse-client: --out: directory /no/such/dir does not exist"));
    }

    private static void assertUsageError(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(run.err(), ExitCode.USAGE, run.exitCode());
        assertEquals("gatehouse-client: " + message + System.lineSeparator()
                + "run 'gatehouse-client --help' for usage" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }
}
