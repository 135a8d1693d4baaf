package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Web.Contents' RelativePath, Query and Headers options reach the data access as one URL and its headers. */
public class WebContentsOptionsTest {

    private final List<String> requested = new ArrayList<>();

    private final DataAccess access = new DataAccess() {
        @Override
        public byte[] fileContents(String path) {
            throw new MException("DataSource.NotFound", path);
        }

        @Override
        public byte[] webContents(String url, Map<String, String> headers) {
            requested.add(url + " " + headers);
            return "a,b\\n1,2\\n".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] webPost(String url, Map<String, String> headers, byte[] content) {
            requested.add("POST " + url + " " + headers + " " + new String(content, StandardCharsets.UTF_8));
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    };

    private QueryResult evaluate(String expression) {
        return PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", access);
    }

    @Test
    public void relativePathQueryAndHeadersMakeTheRequest() {
        QueryResult r = evaluate("Csv.Document(Web.Contents(\"https://h.example/api/\", [RelativePath=\"/v1/items\", "
                + "Query=[q=\"a b&c\", tag={\"x\", \"y\"}], Headers=[Accept=\"text/csv\"], Timeout=#duration(0,0,1,0)]))");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("https://h.example/api/v1/items?q=a%20b%26c&tag=x&tag=y {Accept=text/csv}"), requested);
        evaluate("Web.Contents(\"https://h.example/api?x=1\", [RelativePath=\"items\", Query=[y=\"2\"]])");
        assertEquals("https://h.example/api/items?x=1&y=2 {}", requested.get(1));
    }

    @Test
    public void contentMakesAPostOfItNeverAGet() {
        QueryResult r = evaluate("Web.Contents(\"https://h.example/api\", [RelativePath=\"search\", "
                + "Headers=[#\"Content-Type\"=\"application/json\"], Content=Text.ToBinary(\"{\"\"q\"\":1}\")])");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("POST https://h.example/api/search {Content-Type=application/json} {\"q\":1}"), requested);
        DataAccess getOnly = new DataAccess() {
            @Override
            public byte[] fileContents(String path) {
                return new byte[0];
            }

            @Override
            public byte[] webContents(String url, Map<String, String> headers) {
                throw new AssertionError("a POST must not become a GET");
            }
        };
        QueryResult refused = PowerQuery.evaluate("section S; shared Q = Web.Contents(\"https://h.example\", "
                + "[Content=Text.ToBinary(\"x\")]);", "Q", getOnly);
        assertTrue(refused.failed());
        assertTrue(refused.error().getMessage(), refused.error().getMessage().contains("(a POST) is not supported"));
    }

    @Test
    public void headersNeedADataAccessThatSendsThem() {
        DataAccess plain = path -> new byte[0];
        QueryResult r = PowerQuery.evaluate("section S; shared Q = Web.Contents(\"https://h.example\", "
                + "[Headers=[Accept=\"x\"]]);", "Q", plain);
        assertTrue(r.failed());
        assertTrue(r.error().getMessage(), r.error().getMessage().contains("Headers is not supported"));
    }
}
