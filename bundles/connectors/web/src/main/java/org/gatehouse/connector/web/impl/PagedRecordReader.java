package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.connector.file.format.CsvRecordReader;
import org.gatehouse.connector.file.format.JsonRecordReader;
import org.gatehouse.connector.file.format.MalformedRecordException;
import org.gatehouse.connector.file.format.RecordReader;
import org.gatehouse.connector.file.format.TextDecoding;

/**
 * The records of every page of a web response, one page's body streamed at a time. The next page is the JSON value
 * at {@code nextLinkPath} ({@code @odata.nextLink} for OData), else the {@code Link: <...>; rel="next"} header.
 * Every link is checked against the allowlist by {@link WebClient}; a link seen twice ends the read with an error
 * rather than loop.
 */
final class PagedRecordReader implements RecordReader {

    private static final JsonFactory JSON = new JsonFactory();
    /** One link of a Link header: its URL and its rel value (a space-separated list, quoted or not). */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final WebClient client;
    private final WebSettings settings;
    private final ScheduledExecutorService timer;
    private final String format;
    private final int maxPages;
    private final Set<URI> seen = new HashSet<>();

    private HttpResponse<InputStream> response;
    private URI pageUri;
    private RecordReader page;
    private volatile InputStream body;
    private int pages;

    PagedRecordReader(WebClient client, WebSettings settings, ScheduledExecutorService timer, URI firstUri,
            HttpResponse<InputStream> first) throws ConnectorException {
        this.client = client;
        this.settings = settings;
        this.timer = timer;
        this.format = settings.format();
        this.maxPages = settings.maxPages();
        open(firstUri, first);
    }

    private void open(URI uri, HttpResponse<InputStream> response) throws ConnectorException {
        this.response = response;
        this.pageUri = uri;
        this.pages++;
        seen.add(uri);
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String kind = format != null ? format : contentType.contains("json") ? "json"
                : contentType.contains("tab-separated") ? "tsv" : contentType.contains("csv") ? "csv" : null;
        InputStream stream = new TimeoutInputStream(response.body(), timer, client.readTimeout());
        body = stream;
        if (kind == null) {
            closeQuietly(stream);
            throw new ConnectorException(Reason.UNSUPPORTED, "data source " + settings.dataSourceId() + ": "
                    + WebClient.safe(uri) + " answered with Content-Type '" + contentType + "'; set 'format' to "
                    + "json, csv, tsv or odata to read it");
        }
        String source = "page " + pages + " (" + WebClient.safe(uri) + ")";
        try {
            Charset charset = charset(contentType);
            if (kind.equals("json") || kind.equals("odata")) {
                boolean odata = kind.equals("odata");
                String recordPath = settings.recordPath() != null ? settings.recordPath() : odata ? "value" : null;
                String nextPath = settings.nextLinkPath() != null ? settings.nextLinkPath()
                        : odata ? "['@odata.nextLink']" : null;
                JsonRecordReader json = new JsonRecordReader(JSON, JSON.createParser(TextDecoding.reader(stream,
                        charset)), source, recordPath, nextPath);
                page = odata ? json.dropAnnotations() : json;
            } else {
                page = new CsvRecordReader(TextDecoding.reader(stream, charset), source,
                        settings.csv(kind.equals("tsv")));
            }
        } catch (IOException e) {
            closeQuietly(stream);
            throw new ConnectorException(Reason.SOURCE_UNREACHABLE, "data source " + settings.dataSourceId()
                    + ": reading " + source + " failed: " + e, e);
        }
    }

    private Charset charset(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        return matcher.find() ? TextDecoding.charset(matcher.group(1)) : StandardCharsets.UTF_8;
    }

    @Override
    public String[] knownNames() throws IOException, MalformedRecordException {
        return page.knownNames();
    }

    @Override
    public boolean next() throws IOException, MalformedRecordException {
        while (true) {
            if (page == null) {
                return false;
            }
            if (page.next()) {
                return true;
            }
            Optional<URI> next = nextLink();
            page.close();
            page = null;
            if (next.isEmpty()) {
                return false;
            }
            URI uri = next.get();
            if (!seen.add(uri)) {
                throw new WebProblem(new ConnectorException(Reason.QUERY_FAILED, "data source "
                        + settings.dataSourceId() + ": the next-page link of page " + pages + " leads back to "
                        + WebClient.safe(uri)));
            }
            if (pages >= maxPages) {
                throw new WebProblem(new ConnectorException(Reason.QUERY_FAILED, "data source "
                        + settings.dataSourceId() + ": more than " + maxPages + " pages (maxPages)"));
            }
            try {
                open(uri, client.fetch(uri, false));
            } catch (ConnectorException e) {
                throw new WebProblem(e);
            }
        }
    }

    private Optional<URI> nextLink() throws WebProblem {
        String link = page instanceof JsonRecordReader json ? json.captured() : null;
        if (link == null) {
            link = linkHeaderNext(response.headers().allValues("Link"));
        }
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pageUri.resolve(Urls.parse(link)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new WebProblem(new ConnectorException(Reason.QUERY_FAILED, "data source "
                    + settings.dataSourceId() + ": page " + pages + " links to an invalid next page '" + link + "'"));
        }
    }

    /** The {@code rel="next"} URL of Link headers (RFC 8288), or null. */
    static String linkHeaderNext(java.util.List<String> headers) {
        for (String header : headers) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String value : rels.trim().split("\\s+")) {
                        if (value.equalsIgnoreCase("next")) {
                            return link.group(1);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Stops a read blocked on the network: closing the body aborts the exchange. */
    void abort() {
        InputStream current = body;
        if (current != null) {
            closeQuietly(current);
        }
    }

    @Override
    public String[] names() {
        return page.names();
    }

    @Override
    public Object[] values() {
        return page.values();
    }

    @Override
    public String location() {
        return page != null ? page.location() : "page " + pages + " (" + WebClient.safe(pageUri) + ")";
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
        abort();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // nothing more to read from it
        }
    }
}
