package org.gatehouse.connector.web.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * URLs as people write them: an OData query such as {@code Products?$filter=Price gt 10} has spaces and quotes that
 * java.net.URI refuses. Characters a URI cannot hold are percent-encoded; existing escapes are kept as they are.
 */
final class Urls {

    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~:/?#[]@!$&'()*+,;=%";

    private Urls() {
    }

    static URI parse(String text) throws URISyntaxException {
        return new URI(encodeIllegal(text.trim()));
    }

    static URI resolve(URI base, String relative) throws URISyntaxException {
        URI folder = base;
        String path = base.getRawPath();
        // "https://host/odata" + "Products" means .../odata/Products, as people expect of a service root
        if (path != null && !path.endsWith("/") && !relative.startsWith("/") && !relative.startsWith("?")) {
            folder = new URI(base.getScheme(), base.getRawAuthority(), null, null, null)
                    .resolve(path + "/");
        }
        return folder.resolve(parse(relative));
    }

    static String encodeIllegal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b >= 0 && ALLOWED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
