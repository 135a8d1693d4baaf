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
    public void aPostIsRefusedNotSentAsAGet() {
        QueryResult r = evaluate("Web.Contents(\"https://h.example/api\", [Content=Text.ToBinary(\"{}\")])");
        assertTrue(r.failed());
        assertTrue(r.error().getMessage(), r.error().getMessage().contains("Content option"));
        assertTrue(requested.isEmpty());
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
