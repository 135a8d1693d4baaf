package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryResult;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Html.Table: the forgiving parser, the CSS selectors, RowSelector rows and column transforms, on our own pages. */
public class HtmlTableTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static String table(String html, String columns, String options) {
        return "Html.Table(\"" + html.replace("'", "\"\"") + "\", " + columns + (options == null ? "" : ", " + options)
                + ")";
    }

    /** A page as real ones are: unclosed cells and rows, no tbody, entities, comments, a script with markup. */
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Q &amp; A</title>"
            + "<script>var s = '<td>not a cell</td>';</script></head><body>"
            + "<table class='data wide' id='t1'><tr><th>City<th>Pop"
            + "<tr class='r'><td>Oslo<td>709&nbsp;037"
            + "<tr class='r'><td><a href='/lima'>Lima</a> <!-- capital --><td>10 000 000"
            + "<tr class='r odd'><td>Bern<td></table>"
            + "<p>after<div id='foot'><span class='n'>1</span><span class='n'>2</span></div></body></html>";

    @Test
    public void rowsOfATableAsWebByExampleWritesThem() {
        String rows = "[RowSelector = \"TABLE.data > * > TR\"]";
        same("#table({\"C1\", \"C2\"}, {{\"City\", \"Pop\"}, {\"Oslo\", \"709#(00A0)037\"}, "
                + "{\"Lima\", \"10 000 000\"}, {\"Bern\", \"\"}})", table(PAGE, "{{\"C1\", \"TABLE.data > * > TR > :nth-child(1)\"}, "
                + "{\"C2\", \"TABLE.data > * > TR > :nth-child(2)\"}}", rows));
        // a no-break space stays one, as a browser renders it
        same("\"709#(00A0)037\"", table(PAGE, "{{\"P\", \"tr.r td:nth-child(2)\"}}", null) + "{0}[P]");
    }

    @Test
    public void theFunctionReferenceExamples() {
        same("#table({\"Name\", \"Title\"}, {{\"Jo\", \"Manager\"}})",
                table("<div class='name'>Jo</div><span>Manager</span>",
                        "{{\"Name\", \".name\"}, {\"Title\", \"span\"}}", "[RowSelector = \".name\"]"));
        same("#table({\"Link\"}, {{\"/test.html\"}})",
                table("<a href='/test.html'>Test</a>", "{{\"Link\", \"a\", each [Attributes][href]}}", null));
    }

    @Test
    public void withoutRowSelectorColumnsAreTheirMatchesInOrder() {
        same("#table({\"N\", \"F\"}, {{\"1\", \"1\"}, {\"2\", null}})",
                table(PAGE, "{{\"N\", \"span.n\"}, {\"F\", \"#foot > :first-child\"}}", null));
    }

    @Test
    public void rowSelectorGivesNullsForMissingCells() {
        String html = "<ul><li class='i'><b>A</b><i>x</i></li><li class='i'><b>B</b></li><li class='i'><i>z</i></ul>";
        same("#table({\"B\", \"I\"}, {{\"A\", \"x\"}, {\"B\", null}, {null, \"z\"}})",
                table(html, "{{\"B\", \"b\"}, {\"I\", \"i\"}}", "[RowSelector = \"li.i\"]"));
    }

    @Test
    public void selectors() {
        String html = "<div id='m'><p class='a b' data-k='x-1'>one</p><p class='b'>two</p><section><p>three</p>"
                + "</section><p lang='en-GB'>four</p></div>";
        String col = "{{\"V\", \"%s\"}}";
        same("{\"one\", \"two\", \"four\"}", table(html, String.format(col, "#m > p"), null) + "[V]");
        same("{\"one\", \"two\", \"three\", \"four\"}", table(html, String.format(col, "div p"), null) + "[V]");
        same("{\"one\"}", table(html, String.format(col, "p.a.b"), null) + "[V]");
        same("{\"one\"}", table(html, String.format(col, "[data-k]"), null) + "[V]");
        same("{\"one\"}", table(html, String.format(col, "p[data-k=x-1]"), null) + "[V]");
        same("{\"one\"}", table(html, String.format(col, "[data-k^=x]"), null) + "[V]");
        same("{\"four\"}", table(html, String.format(col, "[lang|=en]"), null) + "[V]");
        same("{\"two\", \"four\"}", table(html, String.format(col, "#m > p:nth-child(2n)"), null) + "[V]");
        same("{\"one\", \"three\"}", table(html, String.format(col, "p:first-child"), null) + "[V]");
        same("{\"two\"}", table(html, String.format(col, "p.a + p"), null) + "[V]");
        same("{\"two\", \"four\"}", table(html, String.format(col, "p.a ~ p"), null) + "[V]");
        same("{\"two\", \"three\", \"four\"}", table(html, String.format(col, "p:not(.a)"), null) + "[V]");
        same("{\"three\", \"four\"}", table(html, String.format(col, "SECTION P, [lang]"), null) + "[V]");
        fails("Expression.Error", table(html, String.format(col, "p:hover"), null));
        fails("Expression.Error", table(html, String.format(col, "p[x"), null));
    }

    @Test
    public void cellsAreTheTextAsRendered() {
        // blocks make lines, paragraphs blank lines, br a line, cells tabs; white space runs are one space; pre keeps
        String html = "<div class='g'><h3> Uno </h3><div>  $9.99 <p></p><span>+</span></div></div>"
                + "<div class='g'><p>A   b<br>c <b>d</b>e</p><table><tr><td>1<td>2</table><pre>x  y#(lf)z</pre>"
                + "<script>ignored()</script></div>";
        same("{\"Uno#(lf)$9.99#(lf)#(lf)+\", \"A b#(lf)c de#(lf)#(lf)1#(tab)2#(lf)x  y#(lf)z\"}",
                table(html, "{{\"V\", \"div.g\"}}", null) + "[V]");
    }

    @Test
    public void theTransformSeesTheElementRecord() {
        String html = "<ul><li id='a' class='c'> Tea <b>hot</b></li></ul>";
        same("{\"LI\", \" Tea hot\", \"a\"}", "Record.ToList(Record.TransformFields(" + table(html,
                "{{\"E\", \"li\", each _}}", null) + "{0}[E], {\"Attributes\", each _[id]}))");
        same("{2}", table(html, "{{\"E\", \"li\", each Record.FieldCount([Attributes])}}", null) + "[E]");
    }

    @Test
    public void forgivingParsing() {
        // unclosed p and li, stray end tags, uppercase tags and unquoted attributes, raw text in script
        String html = "<P>one<P>two</b><UL><LI CLASS=x>a<LI CLASS=x>b</UL><script>if (a<b) {}</script><i>c</i>";
        same("{\"one\", \"two\"}", table(html, "{{\"V\", \"p\"}}", null) + "[V]");
        same("{\"a\", \"b\"}", table(html, "{{\"V\", \"ul > li.x\"}}", null) + "[V]");
        same("{\"if (a<b) {}\"}", table(html, "{{\"V\", \"script\"}}", null) + "[V]");
        same("{\"c\"}", table(html, "{{\"V\", \"i\"}}", null) + "[V]");
        same("{\"é & ü ✓ &bogus;\"}",
                table("<p>&eacute; &amp; &#252; &#x2713; &bogus;</p>", "{{\"V\", \"p\"}}", null) + "[V]");
        // every HTML 4.01 name, as a browser decodes them (Wikipedia writes &minus; for negative numbers)
        same("{\"\u22125 \u2192 \u03a9 \u2030\"}",
                table("<p>&minus;5 &rarr; &Omega; &permil;</p>", "{{\"V\", \"p\"}}", null) + "[V]");
    }

    @Test
    public void binaryPagesAndTheirCharset() throws Exception {
        Path f = dir.getRoot().toPath().resolve("page.html");
        Files.write(f, "<html><head><meta charset='windows-1252'></head><body><p>Grüße €</p></body></html>"
                .getBytes(Charset.forName("windows-1252")));
        same("{\"Grüße €\"}", "Html.Table(File.Contents(\"" + f + "\"), {{\"V\", \"p\"}})[V]");
        same("{\"Grüße\"}", "Html.Table(Text.ToBinary(\"<p>Grüße</p>\"), {{\"V\", \"p\"}})[V]");
        // a byte-order mark wins over the meta charset
        Path be = dir.getRoot().toPath().resolve("be.html");
        byte[] text = "<meta charset='windows-1252'><p>Grüße €</p>".getBytes(StandardCharsets.UTF_16BE);
        byte[] marked = new byte[text.length + 2];
        marked[0] = (byte) 0xfe;
        marked[1] = (byte) 0xff;
        System.arraycopy(text, 0, marked, 2, text.length);
        Files.write(be, marked);
        same("{\"Grüße €\"}", "Html.Table(File.Contents(\"" + be + "\"), {{\"V\", \"p\"}})[V]");
    }

    @Test
    public void badArguments() {
        fails("Expression.Error", "Html.Table(\"<p>x</p>\", {\"V\"})");
        fails("Expression.Error", "Html.Table(42, {{\"V\", \"p\"}})");
        same("#table({}, {})", "Html.Table(\"<p>x</p>\", {})");
    }

    @Test
    public void pagesFromTheWebAsWebByExampleReadsThem() {
        DataAccess web = new DataAccess() {
            @Override
            public byte[] fileContents(String path) {
                throw new MException("DataSource.NotFound", path);
            }

            @Override
            public byte[] webContents(String url, Map<String, String> headers) {
                String page = url.endsWith(".xml") ? "<rates date='2024-05-10'><rate cur='USD'>1.07</rate>"
                        + "<rate cur='JPY'>167.1</rate></rates>"
                        : "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
                        + "</head><body><table class='t'><tr><td>Zürich<td>1<tr><td>Genève<td>2</table>"
                        + "</body></html>";
                return page.replace('\'', '"').getBytes(url.endsWith(".xml") ? StandardCharsets.UTF_8
                        : StandardCharsets.ISO_8859_1);
            }
        };
        QueryResult page = PowerQuery.evaluate("section S; shared Q = Html.Table(Web.BrowserContents("
                + "\"https://h.example/cities\"), {{\"City\", \"TABLE.t > * > TR > :nth-child(1)\"}, {\"N\", "
                + "\"TABLE.t > * > TR > :nth-child(2)\"}}, [RowSelector = \"TABLE.t > * > TR\"]);", "Q", web);
        assertFalse(String.valueOf(page.error()), page.failed());
        assertEquals(List.of(List.of("Zürich", "1"), List.of("Genève", "2")), page.rows());
        QueryResult rates = PowerQuery.evaluate("section S; shared Q = Xml.Tables(Web.Contents("
                + "\"https://h.example/rates.xml\")){0}[rate];", "Q", web);
        assertFalse(String.valueOf(rates.error()), rates.failed());
        assertEquals(List.of("Element:Text", "Attribute:cur"), rates.columnNames());
        assertEquals(List.of(List.of("1.07", "USD"), List.of("167.1", "JPY")), rates.rows());
    }
}
