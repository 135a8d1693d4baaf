package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 and a free port; handlers per path; every request remembered. */
class TestServer implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    TestServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    TestServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String raw = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            requests.add(exchange.getRequestMethod() + " " + raw);
            Handler handler = handlers.get(exchange.getRequestURI().getPath());
            try {
                if (handler == null) {
                    send(exchange, 404, "text/plain", "no handler for " + exchange.getRequestURI().getPath());
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException | RuntimeException e) {
                // the client went away
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    TestServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json; charset=utf-8", body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
