package org.gatehouse.powerquery.impl.lib;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The options record of {@code Web.Contents(url, [RelativePath = ..., Query = [...], Headers = [...], Content =
 * ...])} turned into the URL, headers and body to request: {@code Content} (a binary) makes the request a POST of
 * that body, as in Power Query. Options that would change how the answer is treated are refused rather than
 * dropped, so a workbook never silently reads something else than its author meant; options about caching, retries
 * and timeouts are left to whoever serves the request.
 */
record WebContentsOptions(String url, Map<String, String> headers, byte[] content) {

    private static final Set<String> REFUSED = Set.of("ManualStatusHandling", "ManualCredentials");

    static WebContentsOptions of(String url, MRecord options) {
        for (String name : options.names()) {
            if (REFUSED.contains(name)) {
                throw Errors.notSupported("Web.Contents with the " + name + " option");
            }
        }
        // RelativePath goes after the URL's path, before a query string it already has
        int queryStart = url.indexOf('?');
        StringBuilder target = new StringBuilder(queryStart < 0 ? url : url.substring(0, queryStart));
        Object relative = Args.option(options, "RelativePath");
        if (relative != null && !Values.text(relative).isEmpty()) {
            String path = Values.text(relative);
            boolean slashBefore = target.length() > 0 && target.charAt(target.length() - 1) == '/';
            boolean slashAfter = path.startsWith("/");
            if (slashBefore && slashAfter) {
                path = path.substring(1);
            } else if (!slashBefore && !slashAfter) {
                target.append('/');
            }
            target.append(path);
        }
        if (queryStart >= 0) {
            target.append(url.substring(queryStart));
        }
        Object query = Args.option(options, "Query");
        if (query != null) {
            MRecord fields = Values.record(query);
            char separator = target.indexOf("?") < 0 ? '?' : '&';
            for (String name : fields.names()) {
                Object value = fields.get(name);
                List<Object> values = value instanceof MList list ? list.values() : List.of(Values.text(value));
                for (Object each : values) {
                    target.append(separator).append(encode(name)).append('=').append(encode(Values.text(each)));
                    separator = '&';
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Object given = Args.option(options, "Headers");
        if (given != null) {
            MRecord fields = Values.record(given);
            for (String name : fields.names()) {
                headers.put(name, Values.text(fields.get(name)));
            }
        }
        Object content = Args.option(options, "Content");
        return new WebContentsOptions(target.toString(), headers,
                content == null ? null : Values.binary(content).bytes());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
