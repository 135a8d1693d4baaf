package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;

/**
 * One data source's HTTP requests. Redirects are followed here, not by the HttpClient, so every hop's host is
 * checked against the allowlist (and credentials never follow a redirect to a host that is not allowed). 429 and 503
 * are retried, waiting what Retry-After says (bounded) or an exponential backoff; so are connection failures.
 * Anything else that is not 2xx fails with the status and a summary of the body. TLS certificates and host names
 * are verified by the JDK, always.
 */
final class WebClient {

    private static final int MAX_SUMMARY_BYTES = 4096;

    private final HttpClient http;
    private final WebSettings settings;
    private final Credentials credentials;
    private final Duration readTimeout;

    /** @param http a client that never follows redirects itself (see {@link #newHttpClient}) */
    WebClient(WebSettings settings, Credentials credentials, HttpClient http) throws ConnectorException {
        this.settings = settings;
        this.credentials = credentials;
        this.readTimeout = settings.readTimeout();
        this.http = http;
    }

    static HttpClient newHttpClient(Duration connectTimeout, SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** Requests a URL (the data source's method and body for the first page, GET for links) and returns a 2xx. */
    HttpResponse<InputStream> fetch(URI uri, boolean firstPage) throws ConnectorException {
        String method = firstPage ? settings.method() : "GET";
        URI current = uri;
        int redirects = 0;
        int attempt = 0;
        while (true) {
            if (!settings.allows(current)) {
                throw new ConnectorException(Reason.QUERY_FAILED, prefix() + "refused to request " + hostOf(current)
                        + (redirects > 0 ? " (redirected there from " + hostOf(uri) + ")" : "")
                        + ": not in the data source's allowed hosts");
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(current, method), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt < settings.maxRetries() && retryable(e)) {
                    pause(backoff(attempt++));
                    continue;
                }
                throw unreachable(current, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(Reason.CANCELLED, prefix() + "interrupted while requesting "
                        + hostOf(current));
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            if (isRedirect(status)) {
                Optional<String> location = response.headers().firstValue("Location");
                discard(response);
                if (location.isEmpty()) {
                    throw new ConnectorException(Reason.QUERY_FAILED, prefix() + hostOf(current) + " answered "
                            + status + " without a Location");
                }
                if (++redirects > settings.maxRedirects()) {
                    throw new ConnectorException(Reason.QUERY_FAILED, prefix() + "more than "
                            + settings.maxRedirects() + " redirects from " + uri);
                }
                try {
                    current = current.resolve(Urls.parse(location.get()));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new ConnectorException(Reason.QUERY_FAILED, prefix() + hostOf(current)
                            + " redirected to an invalid URL");
                }
                if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                    method = "GET";
                }
                continue;
            }
            if ((status == 429 || status == 503) && attempt < settings.maxRetries()) {
                Duration wait = retryAfter(response).orElse(backoff(attempt));
                attempt++;
                discard(response);
                pause(wait);
                continue;
            }
            String summary = summary(response);
            throw new ConnectorException(reasonFor(status), prefix() + method + " " + safe(current) + " answered "
                    + status + (summary.isEmpty() ? "" : ": " + summary));
        }
    }

    private HttpRequest request(URI uri, String method) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout);
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        authenticate(builder);
        if (method.equals("POST")) {
            String body = settings.body();
            builder.header("Content-Type", settings.contentType());
            builder.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private void authenticate(HttpRequest.Builder builder) {
        AuthenticationType type = credentials.type();
        String secret = credentials.secret().orElse("");
        switch (type) {
            case BASIC:
                String pair = credentials.user().orElse("") + ":" + secret;
                builder.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                break;
            case OAUTH2:
                builder.header("Authorization", "Bearer " + secret);
                break;
            case KEY:
                String header = settings.apiKeyHeader() != null ? settings.apiKeyHeader()
                        : credentials.user().filter(u -> !u.isBlank()).orElse("X-API-Key");
                builder.header(header, secret);
                break;
            default:
                break;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean retryable(IOException e) {
        // a refused or timed-out connection may be a restart; a TLS failure will not heal by waiting
        return !(e instanceof SSLException) && (e instanceof ConnectException || e instanceof HttpTimeoutException
                || e.getCause() instanceof ConnectException);
    }

    private Duration backoff(int attempt) throws ConnectorException {
        long millis = settings.retryBackoffMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(Math.min(millis, settings.maxRetryWaitSeconds() * 1000));
    }

    /** Retry-After as seconds or an HTTP date, capped at maxRetryWaitSeconds. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) throws ConnectorException {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Duration cap = Duration.ofSeconds(settings.maxRetryWaitSeconds());
        String value = header.get().trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                if (wait.isNegative()) {
                    wait = Duration.ZERO;
                }
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
    }

    private void pause(Duration wait) throws ConnectorException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Reason.CANCELLED, prefix() + "interrupted while waiting to retry");
        }
    }

    private ConnectorException unreachable(URI uri, IOException e) {
        String why;
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            why = "the TLS connection failed (is the server's certificate trusted by this JVM and issued for "
                    + hostOf(uri) + "?): " + e.getMessage();
        } else if (e instanceof HttpConnectTimeoutException) {
            why = "no connection within " + settings.connectTimeoutText();
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer within " + readTimeout.toSeconds() + " s";
        } else if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            why = "connection refused";
        } else {
            why = e.toString();
        }
        return new ConnectorException(Reason.SOURCE_UNREACHABLE, prefix() + safe(uri) + ": " + why, e);
    }

    private static Reason reasonFor(int status) {
        if (status == HttpURLConnection.HTTP_UNAUTHORIZED || status == HttpURLConnection.HTTP_FORBIDDEN) {
            return Reason.AUTHENTICATION_FAILED;
        }
        return status >= 500 || status == 429 ? Reason.SOURCE_UNREACHABLE : Reason.QUERY_FAILED;
    }

    /** The start of an error body, on one line: what the service says went wrong. */
    private static String summary(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_SUMMARY_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ")
                    .replaceAll("\\s+", " ").trim();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.readNBytes(MAX_SUMMARY_BYTES);
        } catch (IOException e) {
            // the connection is dropped instead of reused
        }
    }

    static String hostOf(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** A URL for messages: without user info, which may hold a password. */
    static String safe(URI uri) {
        String text = uri.getScheme() + "://" + hostOf(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return uri.getRawQuery() == null ? text : text + "?" + uri.getRawQuery();
    }

    private String prefix() {
        return "data source " + settings.dataSourceId() + ": ";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
