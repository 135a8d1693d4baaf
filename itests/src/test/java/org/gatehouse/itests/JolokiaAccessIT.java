package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The monitoring agent (feature gatehouse-console) over real HTTP on 127.0.0.1: Karaf users sign in, a viewer reads
 * the gateway's MBeans but cannot invoke or write, an admin can, strangers and wrong passwords get nothing, and
 * errors carry no stack trace.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JolokiaAccessIT extends GatehouseTestSupport {

    private static final String HTTP_PORT_PROPERTY = "gatehouse.itests.http.port";
    private static boolean installed;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private FeaturesService featuresService;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Configuration
    public Option[] configuration() {
        int port = httpPort();
        return gatehouseOptions(
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(port)),
                editConfigurationFilePut("etc/users.properties", "watcher", "watch-pw,viewer"),
                editConfigurationFilePut("etc/users.properties", "boss", "boss-pw,admin"),
                org.ops4j.pax.exam.CoreOptions.systemProperty(HTTP_PORT_PROPERTY).value(String.valueOf(port)));
    }

    private static int httpPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Before
    public void installOnce() throws Exception {
        if (installed) {
            return;
        }
        featuresService.installFeature("gatehouse-console", EnumSet.noneOf(FeaturesService.Option.class));
        List<String> problems = Eventually.problemsAfter(Duration.ofSeconds(90), () -> {
            try {
                String body = get("watcher", "watch-pw", "/read/org.gatehouse:type=Gateway/Version").body();
                return body.contains("\"status\":200") ? List.of() : List.of(body);
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        assertTrue("the agent answers: " + problems, problems.isEmpty());
        installed = true;
    }

    @Test
    public void aViewerReadsButCannotInvokeOrWrite() throws Exception {
        String version = get("watcher", "watch-pw", "/read/org.gatehouse:type=Gateway/Version").body();
        assertTrue(version, version.contains("\"value\":\"0.1.0.SNAPSHOT\""));

        String refresh = post("watcher", "watch-pw", "{\"type\":\"exec\",\"mbean\":\"org.gatehouse:type=Gateway\","
                + "\"operation\":\"refreshNow\",\"arguments\":[\"demo-sales\"]}").body();
        assertTrue(refresh, refresh.contains("\"status\":403"));
        String stop = post("watcher", "watch-pw", "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\","
                + "\"operation\":\"gc\"}").body();
        assertTrue(stop, stop.contains("\"status\":403"));
        String write = post("watcher", "watch-pw", "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":true}").body();
        assertTrue(write, write.contains("\"status\":403"));
        assertFalse("no stack trace to clients: " + write, write.contains("stacktrace"));
    }

    @Test
    public void aViewerCannotStopABundle() throws Exception {
        // the framework MBean's name carries the framework's uuid: a viewer may search for it, not use it
        String found = post("watcher", "watch-pw", "{\"type\":\"search\",\"mbean\":\"osgi.core:type=framework,*\"}")
                .body();
        Matcher name = Pattern.compile("\"(osgi\\.core:[^\"]*type=framework[^\"]*)\"").matcher(found);
        assertTrue(found, name.find());
        long ourBundle = org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleId();
        String stop = post("watcher", "watch-pw", "{\"type\":\"exec\",\"mbean\":\"" + name.group(1)
                + "\",\"operation\":\"stopBundle\",\"arguments\":[" + ourBundle + "]}").body();
        assertTrue(stop, stop.contains("\"status\":403"));
        assertEquals(org.osgi.framework.Bundle.ACTIVE, org.osgi.framework.FrameworkUtil.getBundle(getClass())
                .getState());
    }

    @Test
    public void anAdminInvokesTheGatewaysOperations() throws Exception {
        String refresh = post("boss", "boss-pw", "{\"type\":\"exec\",\"mbean\":\"org.gatehouse:type=Gateway\","
                + "\"operation\":\"refreshNow\",\"arguments\":[\"demo-sales\"]}").body();
        assertTrue(refresh, refresh.contains("\"status\":200") && refresh.contains("refresh of demo-sales started"));
        String unknown = post("boss", "boss-pw", "{\"type\":\"exec\",\"mbean\":\"org.gatehouse:type=Gateway\","
                + "\"operation\":\"refreshNow\",\"arguments\":[\"nope\"]}").body();
        assertFalse(unknown, unknown.contains("\"status\":200"));
        assertFalse("no stack trace to clients: " + unknown, unknown.contains("stacktrace"));
    }

    @Test
    public void strangersAndWrongPasswordsGetNothing() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/read/java.lang:type=Runtime/Uptime"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertEquals(401, get("watcher", "wrong", "/read/java.lang:type=Runtime/Uptime").statusCode());
    }

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String password, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("")).header("Authorization", basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty(HTTP_PORT_PROPERTY) + "/jolokia" + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
