package org.gatehouse.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}, never a downloaded browser) driven over the Chrome DevTools
 * Protocol: one page, navigated, read and clicked through JavaScript, typed into with real input events (React forms
 * take them as typing), and photographed. Only what the console tests need; every wait has a deadline.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("gatehouse.itests.chromium", "/usr/bin/chromium"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** Starts a browser with an empty profile of its own and connects to its first page. */
    static Chromium launch(int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's chromium (itests/setup.sh)");
        }
        Path profile = Files.createTempDirectory("gatehouse-chromium");
        // the flags keep a headless root browser off the network it cannot reach anyway (updates, sync, QUIC)
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(process, profile);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String pageUrl = null;
            for (JsonNode target : JSON.readTree(targets)) {
                if ("page".equals(target.path("type").asText())) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageUrl == null) {
                throw new IOException("Chromium shows no page target: " + targets);
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].received(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new Chromium(process, profile, socket);
            self[0].command("Page.enable", JSON.createObjectNode());
            return self[0];
        } catch (Exception e) {
            process.destroyForcibly();
            throw e instanceof IOException io ? io : new IOException("cannot drive Chromium: " + e, e);
        }
    }

    /** Chromium writes the port it chose into the profile once it listens. */
    private static int devToolsPort(Process process, Path profile) throws IOException, InterruptedException {
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium did not open its DevTools port; its output: "
                + Files.readString(profile.resolve("chromium.log")));
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (IOException e) {
            System.err.println("unreadable DevTools message: " + e);
        }
    }

    private JsonNode command(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        page.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode answer;
        try {
            answer = reply.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            pending.remove(id);
            throw new IOException(method + " got no answer: " + e, e);
        }
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    void navigate(String url) throws IOException {
        command("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value as JSON. */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode result = command("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("script failed: " + result.get("exceptionDetails").path("exception")
                    .path("description").asText(result.get("exceptionDetails").toString()));
        }
        return result.path("result").path("value");
    }

    /** The page's visible text. */
    String text() throws IOException {
        return evaluate("document.body ? document.body.innerText : ''").asText();
    }

    String url() throws IOException {
        return evaluate("location.href").asText();
    }

    /** Waits until the expression is truthy; fails with what the page showed. */
    void await(String description, String expression, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (evaluate("!!(" + expression + ")").asBoolean()) {
                    return;
                }
            } catch (IOException stillLoading) {
                // a navigation destroys the context mid-evaluation; the next round asks the new page
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + description + " at " + url()
                        + "; the page shows:\n" + text());
            }
            Thread.sleep(250);
        }
    }

    void awaitText(String text, Duration timeout) throws IOException, InterruptedException {
        await("the text '" + text + "'", "document.body && document.body.innerText.includes(" + quoted(text) + ")",
                timeout);
    }

    /** Focuses the element and types the text as keyboard input. */
    void type(String cssSelector, String text) throws IOException {
        if (!evaluate("(() => { const e = document.querySelector(" + quoted(cssSelector)
                + "); if (!e) return false; e.focus(); return true; })()").asBoolean()) {
            throw new AssertionError("no element " + cssSelector + " to type into");
        }
        command("Input.insertText", JSON.createObjectNode().put("text", text));
    }

    /**
     * Clicks the first visible element (in document order) of this selector whose text is exactly {@code text} and
     * that holds no element with that same text (the label itself, not the list around it).
     */
    void clickText(String selector, String text) throws IOException {
        String script = "(() => { const same = e => e.offsetParent !== null && e.innerText && e.innerText.trim() === "
                + quoted(text) + "; const hit = [...document.querySelectorAll(" + quoted(selector) + ")]"
                + ".find(e => same(e) && ![...e.querySelectorAll('*')].some(same));"
                + " if (!hit) return false; hit.click(); return true; })()";
        if (!evaluate(script).asBoolean()) {
            throw new AssertionError("nothing '" + text + "' (" + selector + ") to click at " + url()
                    + "; the page shows:\n" + text());
        }
    }

    void screenshot(Path file) throws IOException {
        String png = command("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).path("data")
                .asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        page.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // child processes (renderers, GPU) go with the browser; the profile is ours to remove
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("could not remove the browser profile " + profile + ": " + e);
        }
    }
}
