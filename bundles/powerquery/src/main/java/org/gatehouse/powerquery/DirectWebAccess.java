package org.gatehouse.powerquery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Web.Contents, Web.BrowserContents, Html.Table's pages and OData.Feed fetched straight over HTTP(S), as Excel fetches
 * them on the author's desktop, for a refresh outside the gateway ({@code gatehouse-m}). The gateway does not use
 * this: there, web requests go through its web data source, with its allowlist and credentials. Files, folders and
 * the current workbook are left to the wrapped data access.
 */
public final class DirectWebAccess implements DataAccess {

    /** Power Query's own default for Web.Contents' Timeout option. */
    private static final Duration TIMEOUT = Duration.ofSeconds(100);
    /** A feed that never stops paging is an error, not an endless refresh. */
    private static final int MAX_ODATA_PAGES = 100_000;

    private final DataAccess files;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final ObjectMapper json = new ObjectMapper();

    public DirectWebAccess(DataAccess files) {
        this.files = files;
    }

    @Override
    public byte[] fileContents(String path) {
        return files.fileContents(path);
    }

    @Override
    public BinarySource fileStream(String path) {
        return files.fileStream(path);
    }

    @Override
    public List<FolderEntry> folderFiles(String path) {
        return files.folderFiles(path);
    }

    @Override
    public List<FolderEntry> folderContents(String path) {
        return files.folderContents(path);
    }

    @Override
    public byte[] currentWorkbook() {
        return files.currentWorkbook();
    }

    @Override
    public byte[] webContents(String url) {
        return webContents(url, Map.of());
    }

    @Override
    public byte[] webContents(String url, Map<String, String> headers) {
        return send("Web.Contents", url, request(url, headers).GET());
    }

    @Override
    public byte[] webPost(String url, Map<String, String> headers, byte[] content) {
        return send("Web.Contents", url, request(url, headers).POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /**
     * The feed's rows from every page: a feed answers with one page of {@code value} and the link to the next
     * ({@code @odata.nextLink}, or {@code odata.nextLink} in OData 3), and Power Query reads them all.
     */
    @Override
    public byte[] odataFeed(String url) {
        ObjectNode first = null;
        ArrayNode rows = null;
        String next = url;
        for (int page = 0; next != null; page++) {
            if (page == MAX_ODATA_PAGES) {
                throw new MException("DataSource.Error", "OData.Feed of '" + url + "' did not end after "
                        + MAX_ODATA_PAGES + " pages.", url, null);
            }
            JsonNode doc = feedPage(url, next);
            if (first == null) {
                first = (ObjectNode) doc;
                rows = doc.get("value") instanceof ArrayNode values ? values : null;
            } else if (rows != null && doc.get("value") instanceof ArrayNode values) {
                rows.addAll(values);
            }
            next = nextLink(doc, next);
        }
        first.remove(List.of("@odata.nextLink", "odata.nextLink"));
        try {
            return json.writeValueAsBytes(first);
        } catch (IOException e) {
            throw new MException("DataSource.Error", "OData.Feed of '" + url + "': " + e.getMessage(), url, null);
        }
    }

    private JsonNode feedPage(String feed, String pageUrl) {
        byte[] body = send("OData.Feed", pageUrl, request(pageUrl,
                Map.of("Accept", "application/json;odata.metadata=minimal, application/json", "OData-MaxVersion",
                        "4.0")).GET());
        try {
            JsonNode doc = json.readTree(body);
            if (!(doc instanceof ObjectNode)) {
                throw new IOException("the answer is not a JSON object");
            }
            return doc;
        } catch (IOException e) {
            throw new MException("DataFormat.Error", "OData.Feed of '" + feed + "' did not answer with an OData JSON "
                    + "document at " + pageUrl + ": " + e.getMessage(), pageUrl, null);
        }
    }

    /** The next page's absolute address; a relative link is resolved against the page that gave it. */
    private static String nextLink(JsonNode doc, String pageUrl) {
        JsonNode link = doc.has("@odata.nextLink") ? doc.get("@odata.nextLink") : doc.get("odata.nextLink");
        return link == null || link.isNull() ? null : URI.create(pageUrl).resolve(link.asText()).toString();
    }

    /**
     * The address as Power Query sends it: without surrounding whitespace, and with the characters a URI cannot hold
     * (spaces, quotes, braces, non-ASCII...) percent-encoded as UTF-8, the way .NET's Uri class reads a string. Excel
     * cached the GitHub answer of Web.Contents("https://api.github.com/repos/OfficeDev/office-js ") (trailing space) in
     * 06_simple_power_query.xlsx of PacktPublishing/AI-and-Business-Rules-for-Excel-Power-Users, and that repository's
     * decision-service workbook calls an address with spaces in its path. An existing %XX escape is kept as it is.
     */
    static String escapedForUri(String url) {
        String trimmed = url.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        for (byte b : trimmed.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static HttpRequest.Builder request(String url, Map<String, String> headers) {
        URI uri;
        try {
            uri = URI.create(escapedForUri(url));
        } catch (IllegalArgumentException e) {
            throw new MException("Expression.Error", "The URL '" + url + "' is not valid: " + e.getMessage(), url, null);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new MException("Expression.Error", "The URL '" + url + "' is not an http or https address.", url,
                    null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        headers.forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new MException("Expression.Error", "The header '" + name + "' cannot be set on a request: "
                        + e.getMessage(), name, null);
            }
        });
        return request;
    }

    /** The body of a 2xx answer; any other status is the DataSource.Error Power Query raises for it. */
    private byte[] send(String function, String url, HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MException("DataSource.Error", function + " could not reach '" + url + "': " + e, url, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MException("DataSource.Error", function + " of '" + url + "' was interrupted.", url, null);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new MException("DataSource.Error", function + " failed to get contents from '" + url + "' ("
                    + status + ").", url, null);
        }
        return response.body();
    }
}
