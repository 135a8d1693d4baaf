package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;

/**
 * The owner's console, end to end as shipped: the distribution started with {@code bin/start}, the monitoring agent
 * installed from its shell, {@code bin/gatehouse-console} starting Hawtio 4 in its own Tomcat on 127.0.0.1, and
 * Debian's headless Chromium signing in with the gateway's Karaf account. In the browser: the Gatehouse dataset MBean
 * shows the last refresh, and the Camel tab's route table shows the relay's {@code relay-requests} route counting the
 * refreshes the service sends. Screenshots go to {@code target/console-screenshots}.
 */
public class ConsoleBrowserIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final String GATEWAY = "local";
    private static final String DATASET = "demo-sales";
    private static final String ROUTE = "relay-requests";

    private GatewayInstallation gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Rule
    public final InstallationRule installation = new InstallationRule();

    @Test
    public void theOwnerSignsInAndWatchesTheGatewayInHawtio() throws Exception {
        gateway = installation.watch(GatewayInstallation.unpack(
                Path.of(System.getProperty("gatehouse.distribution")), target().resolve("console-it")));
        gateway.start();
        gateway.awaitRelayConnected(READY_TIMEOUT, true);
        // the gateway's commands answer before Karaf's own feature commands do on a loaded machine ("Command not
        // found: feature:install" seen in CI); installing an installed feature again changes nothing
        gateway.awaitShell("feature:install gatehouse-console", READY_TIMEOUT);
        awaitAgent();
        String refreshed = gateway.shell("gateway:refresh --wait " + DATASET).ok();
        assertTrue(refreshed, refreshed.contains("SUCCEEDED"));

        GatewayInstallation.Shell started = gateway.console("start");
        String consoleUrl = "http://127.0.0.1:" + gateway.consolePort() + "/";
        assertEquals(started.output(), 0, started.exitCode());
        assertTrue(started.output(), started.output().contains(consoleUrl));
        assertEquals(0, gateway.console("status").exitCode());
        // the console's own JVM is not an open door: its Jolokia answers "version" only
        String ownAgent = get(consoleUrl + "hawtio/jolokia/read/java.lang:type=Memory", null).body();
        assertTrue(ownAgent, ownAgent.contains("\"status\":403"));

        Path screenshots = target().resolve("console-screenshots");
        try (Chromium browser = Chromium.launch(1400, 900)) {
            browser.navigate(consoleUrl);
            // the landing page presets the gateway's connection; Hawtio asks for the gateway's account
            browser.await("the sign-in form", "document.querySelector('#connect-login-form-username')", PAGE_TIMEOUT);
            browser.awaitText("Gatehouse gateway", PAGE_TIMEOUT);
            browser.type("#connect-login-form-username", GatewayInstallation.OWNER);
            browser.type("#connect-login-form-password", gateway.ownerPassword());
            browser.clickText("button", "Log in");
            browser.awaitText("Gatehouse gateway (" + GatewayInstallation.OWNER + ")", PAGE_TIMEOUT);

            browser.clickText("a", "JMX");
            browser.awaitText("org.gatehouse", PAGE_TIMEOUT);
            browser.clickText("span, button", "org.gatehouse");
            // the domain's table lists the MBean types; Dataset opens the table of dataset MBeans
            browser.awaitText("Dataset", PAGE_TIMEOUT);
            browser.clickText("main *", "Dataset");
            // the Dataset folder's table: one row per dataset MBean, with the refresh done above
            browser.await("the dataset's last refresh", "[...document.querySelectorAll('main tr')].some(r => "
                    + "r.innerText.includes('" + DATASET + "') && r.innerText.includes('SUCCEEDED') "
                    + "&& r.innerText.includes('100005'))", PAGE_TIMEOUT);
            browser.screenshot(screenshots.resolve("gatehouse-dataset-mbean.png"));

            browser.clickText("a", "Camel");
            browser.awaitText("gatehouse-relay", PAGE_TIMEOUT);
            browser.clickText("button", "Expand all");
            browser.clickText("span, button", "routes");
            long before = awaitRouteTotal(browser, total -> total >= 0);
            for (int i = 0; i < 3; i++) {
                assertEquals(100_005, gateway.refreshOverRelay(GATEWAY, DATASET, PAGE_TIMEOUT));
            }
            long after = awaitRouteTotal(browser, total -> total >= before + 3);
            System.out.println("relay-requests exchanges shown by Hawtio: " + before + " -> " + after);
            browser.screenshot(screenshots.resolve("gatehouse-camel-routes.png"));
        }

        assertEquals(0, gateway.console("stop").exitCode());
        assertEquals(3, gateway.console("status").exitCode());
    }

    /** Waits until the route table's Total of relay-requests satisfies the check (Hawtio polls every 5 s). */
    private long awaitRouteTotal(Chromium browser, java.util.function.LongPredicate check) throws Exception {
        String total = "(() => { const table = [...document.querySelectorAll('main table')]"
                + ".find(t => t.innerText.includes('" + ROUTE + "')); if (!table) return -1;"
                + " const headers = [...table.querySelector('thead tr').children].map(h => h.innerText.trim());"
                + " const row = [...table.querySelectorAll('tbody tr')].find(r => r.innerText.includes('" + ROUTE
                + "')); const column = headers.indexOf('Total'); if (!row || column < 0) return -1;"
                + " return parseInt(row.children[column].innerText.trim(), 10); })()";
        long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
        long shown = -1;
        while (System.nanoTime() < deadline) {
            shown = browser.evaluate(total).asLong(-1);
            if (check.test(shown)) {
                return shown;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the Camel route table shows " + ROUTE + " Total " + shown + "; the page shows:\n"
                + browser.text());
    }

    private void awaitAgent() throws InterruptedException {
        String version = "http://127.0.0.1:" + gateway.httpPort() + "/jolokia/version";
        String owner = GatewayInstallation.OWNER + ":" + gateway.ownerPassword();
        List<String> problems = Eventually.problemsAfter(Duration.ofSeconds(90), () -> {
            try {
                HttpResponse<String> answer = get(version, owner);
                return answer.statusCode() == 200 ? List.of() : List.of(answer.statusCode() + " " + answer.body());
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        assertTrue("the gateway's agent answers: " + problems, problems.isEmpty());
    }

    private HttpResponse<String> get(String url, String userAndPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (userAndPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path target() {
        return InstallationRule.target();
    }
}
