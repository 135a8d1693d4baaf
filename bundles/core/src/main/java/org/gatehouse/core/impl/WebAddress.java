package org.gatehouse.core.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a web data source's {@code url} covers a URL a workbook asks for: same scheme, host and port, and its path
 * a prefix of the URL's path at a segment boundary ({@code https://api.example.org/v1} covers
 * {@code https://api.example.org/v1/orders} but not {@code https://api.example.org/v10}). How much it covers (the
 * length of its path) picks the most specific of several.
 */
final class WebAddress {

    private WebAddress() {
    }

    /** The length of the base's path when {@code base} covers {@code requested}, else empty. */
    static Optional<Integer> coverage(String base, URI requested) {
        URI baseUri;
        try {
            baseUri = new URI(base.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (baseUri.getScheme() == null || baseUri.getHost() == null || requested.getScheme() == null
                || requested.getHost() == null
                || !baseUri.getScheme().equalsIgnoreCase(requested.getScheme())
                || !baseUri.getHost().equalsIgnoreCase(requested.getHost())
                || port(baseUri) != port(requested)) {
            return Optional.empty();
        }
        String basePath = path(baseUri);
        String path = path(requested);
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        boolean covered = path.equals(basePath) || path.startsWith(basePath + "/");
        return covered ? Optional.of(basePath.length()) : Optional.empty();
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
