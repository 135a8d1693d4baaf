package org.gatehouse.connector.web.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.gatehouse.api.Column;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.connector.file.format.CsvOptions;
import org.gatehouse.connector.file.format.Typing;

/**
 * A web read's settings: the data source's, overridden by the query's options of the same name. The query text is a
 * URL, or a path and query string relative to the data source's {@code url}. docs/connectors.md lists every key.
 */
final class WebSettings {

    private final String dataSourceId;
    private final Map<String, String> values;
    private final URI target;
    private final List<String> allowedHosts;

    private WebSettings(String dataSourceId, Map<String, String> values, URI target, List<String> allowedHosts) {
        this.dataSourceId = dataSourceId;
        this.values = values;
        this.target = target;
        this.allowedHosts = allowedHosts;
    }

    static WebSettings of(DataSourceSettings settings, Query query) throws ConnectorException {
        Map<String, String> values = new TreeMap<>(settings.properties());
        if (query != null) {
            values.putAll(query.options());
        }
        String id = settings.id();
        String base = trimmed(values.get("url"));
        String text = query == null ? null : query.text().trim();
        URI target;
        try {
            URI baseUri = base == null ? null : Urls.parse(base);
            if (text == null || text.isEmpty()) {
                if (baseUri == null) {
                    throw invalid(id, "no 'url' setting");
                }
                target = baseUri;
            } else {
                URI relative = Urls.parse(text);
                if (relative.isAbsolute()) {
                    target = relative;
                } else if (baseUri == null) {
                    throw invalid(id, "'" + text + "' is relative and the data source has no 'url' setting");
                } else {
                    target = Urls.resolve(baseUri, text);
                }
            }
        } catch (URISyntaxException e) {
            throw invalid(id, "not a valid URL: " + e.getMessage());
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(id, "only http and https URLs can be read, not '" + target + "'");
        }
        if (target.getHost() == null) {
            throw invalid(id, "'" + target + "' names no host");
        }
        List<String> hosts = new ArrayList<>();
        String configured = trimmed(values.get("allowedHosts"));
        if (configured != null) {
            for (String host : configured.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.trim().toLowerCase(Locale.ROOT));
                }
            }
        } else if (base != null) {
            try {
                String host = Urls.parse(base).getHost();
                if (host != null) {
                    hosts.add(host.toLowerCase(Locale.ROOT));
                }
            } catch (URISyntaxException e) {
                // reported above
            }
        }
        WebSettings result = new WebSettings(id, values, target, hosts);
        if (!result.allows(target)) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "data source " + id + ": host '"
                    + target.getHost() + "' is not in the data source's allowed hosts");
        }
        return result;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ConnectorException invalid(String id, String problem) {
        return new ConnectorException(Reason.INVALID_SETTINGS, "data source " + id + ": " + problem);
    }

    ConnectorException invalid(String problem) {
        return invalid(dataSourceId, problem);
    }

    String dataSourceId() {
        return dataSourceId;
    }

    URI target() {
        return target;
    }

    /**
     * Whether a URL may be requested: its host is one of the allowed hosts (exactly, or below a {@code *.domain}
     * entry), and an https data source is never downgraded to http.
     */
    boolean allows(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (target != null && "https".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return false;
        }
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    String get(String key) {
        return trimmed(values.get(key));
    }

    String method() throws ConnectorException {
        String method = get("method");
        if (method == null) {
            return "GET";
        }
        method = method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw invalid("'method' is GET or POST, not '" + method + "'");
        }
        return method;
    }

    String body() {
        return values.get("body");
    }

    String contentType() {
        String type = get("contentType");
        return type == null ? "application/json" : type;
    }

    /** json, csv, tsv, odata or binary (the body as it came); null to go by the response's Content-Type. */
    String format() throws ConnectorException {
        String format = get("format");
        if (format == null) {
            return null;
        }
        format = format.toLowerCase(Locale.ROOT);
        switch (format) {
            case "json", "csv", "tsv", "odata", "binary":
                return format;
            default:
                throw invalid("unknown format '" + format + "' (json, csv, tsv, odata, binary)");
        }
    }

    String recordPath() {
        return get("recordPath");
    }

    /** The JSON path of the next page's link; pagination by the Link header needs no setting. */
    String nextLinkPath() {
        return get("nextLinkPath");
    }

    String apiKeyHeader() {
        return get("apiKeyHeader");
    }

    /** Extra request headers: settings {@code header.<Name>=<value>} (never secrets: those are credentials). */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("header.") && key.length() > 7 && value != null) {
                headers.put(key.substring(7), value.trim());
            }
        });
        return headers;
    }

    Duration connectTimeout() throws ConnectorException {
        return Duration.ofSeconds(positive("connectTimeoutSeconds", 10));
    }

    String connectTimeoutText() {
        String value = get("connectTimeoutSeconds");
        return (value == null ? "10" : value) + " s";
    }

    Duration readTimeout() throws ConnectorException {
        return Duration.ofSeconds(positive("readTimeoutSeconds", 60));
    }

    int maxRetries() throws ConnectorException {
        return nonNegative("maxRetries", 3);
    }

    long retryBackoffMillis() throws ConnectorException {
        return positive("retryBackoffMillis", 1000);
    }

    long maxRetryWaitSeconds() throws ConnectorException {
        return positive("maxRetryWaitSeconds", 60);
    }

    int maxRedirects() throws ConnectorException {
        return nonNegative("maxRedirects", 5);
    }

    /** The longest body {@code format = binary} reads into memory: 64 MiB unless set. */
    long maxContentBytes() throws ConnectorException {
        String value = get("maxContentBytes");
        if (value == null) {
            return 64L * 1024 * 1024;
        }
        try {
            long bytes = Long.parseLong(value);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'maxContentBytes' must be a positive number, got '" + value + "'");
    }

    int maxPages() throws ConnectorException {
        return positive("maxPages", 10_000);
    }

    boolean odataMetadata() {
        String value = get("odataMetadata");
        return value == null || Boolean.parseBoolean(value);
    }

    int sampleRows() throws ConnectorException {
        return positive("sampleRows", 1000);
    }

    boolean skipMalformedRows() {
        return Boolean.parseBoolean(get("skipMalformedRows"));
    }

    List<Column> columns() throws ConnectorException {
        String declared = get("columns");
        if (declared == null) {
            return null;
        }
        try {
            return Typing.parseColumns(declared);
        } catch (IllegalArgumentException e) {
            throw invalid("'columns': " + e.getMessage());
        }
    }

    CsvOptions csv(boolean tabSeparated) throws ConnectorException {
        try {
            int delimiter = CsvOptions.character(values.get("delimiter"), tabSeparated ? '\t' : ',', "delimiter");
            if (delimiter < 0) {
                throw invalid("'delimiter' cannot be none");
            }
            String header = get("header");
            return new CsvOptions((char) delimiter, CsvOptions.character(values.get("quote"), '"', "quote"),
                    CsvOptions.character(values.get("escape"), -1, "escape"),
                    header == null || Boolean.parseBoolean(header), CsvOptions.DEFAULT_MAX_FIELD_CHARS);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private int positive(String key, int defaultValue) throws ConnectorException {
        int value = nonNegative(key, defaultValue);
        if (value == 0) {
            throw invalid("'" + key + "' must be a positive number");
        }
        return value;
    }

    private int nonNegative(String key, int defaultValue) throws ConnectorException {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'" + key + "' must be a number, got '" + value + "'");
    }
}
