package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Web.Page on pages written here: the navigation table, headers, spans, nested tables, the document tree. */
public class WebPageTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static String page(String html) {
        return "Web.Page(\"" + html.replace('\'', '"').replace("\"", "\"\"") + "\")";
    }

    /** A page as the classic "From Web" meets them: a th header row without thead, unclosed cells, entities. */
    private static final String STANDINGS = "<!DOCTYPE html><html><head><title>Standings</title></head><body>"
            + "<h1>League</h1><table class='wikitable sortable' id='st'><caption>Overall </caption>"
            + "<tr><th>Rank<th>Team <sup>[a]</sup><th>Pts"
            + "<tr><td>1<td><a href='/x'>Oslo&nbsp;FK</a><td> 12 "
            + "<tr><td>2<td>Bern &amp; Co<td>9</table>"
            + "<table><tr><td>k1<td>v1<tr><td>k2</table></body></html>";

    @Test
    public void navigationTableHasATableRowPerTableThenTheDocument() {
        same("{\"Caption\", \"Source\", \"ClassName\", \"Id\", \"Data\"}", "Table.ColumnNames(" + page(STANDINGS) + ")");
        same("#table({\"Caption\", \"Source\", \"ClassName\", \"Id\"}, {{\"Overall\", \"Table\", \"wikitable sortable\", "
                + "\"st\"}, {null, \"Table\", null, null}, {\"Document\", \"Service\", null, null}})",
                "Table.RemoveColumns(" + page(STANDINGS) + ", {\"Data\"})");
    }

    @Test
    public void thCellsNameTheColumnsAndCellsAreTheirRenderedText() {
        same("#table({\"Rank\", \"Team [a]\", \"Pts\"}, {{\"1\", \"Oslo#(00A0)FK\", \"12\"}, {\"2\", \"Bern & Co\", \"9\"}})",
                page(STANDINGS) + "{0}[Data]");
        // what the generated Changed Type step then does
        same("{1, 2}", "Table.TransformColumnTypes(" + page(STANDINGS) + "{0}[Data], {{\"Rank\", Int64.Type}})[Rank]");
    }

    @Test
    public void withoutHeadersColumnsAreNumberedAndShortRowsEndInNull() {
        same("#table({\"Column1\", \"Column2\"}, {{\"k1\", \"v1\"}, {\"k2\", null}})", page(STANDINGS) + "{1}[Data]");
    }

    @Test
    public void theadAndTbodyAndSeveralHeaderRows() {
        String html = "<table><thead><tr><th colspan=2>Name</th><th rowspan=2>Age</th></tr>"
                + "<tr><th>First</th><th>Last</th></tr></thead>"
                + "<tbody><tr><td>Ann</td><td>Lee</td><td>30</td></tr></tbody>"
                + "<tfoot><tr><td colspan=3>1 person</td></tr></tfoot></table>";
        same("#table({\"First\", \"Last\", \"Age\"}, {{\"Ann\", \"Lee\", \"30\"}, {\"1 person\", \"1 person\", \"1 person\"}})",
                page(html) + "{0}[Data]");
        // a thead row of td cells is a header too
        same("{\"A\", \"B\"}", "Table.ColumnNames(" + page("<table><thead><tr><td>A<td>B</thead><tr><td>1<td>2</table>")
                + "{0}[Data])");
    }

    @Test
    public void spannedCellsRepeatTheirText() {
        String html = "<table><tr><th>K</th><th>A</th><th>B</th></tr>"
                + "<tr><td rowspan=2>x</td><td colspan=2>wide</td></tr><tr><td>1</td><td>2</td></tr></table>";
        same("#table({\"K\", \"A\", \"B\"}, {{\"x\", \"wide\", \"wide\"}, {\"x\", \"1\", \"2\"}})", page(html) + "{0}[Data]");
    }

    @Test
    public void emptyAndRepeatedHeadersAreNumberedFromTwo() {
        String html = "<table><tr><th></th><th>Name</th><th>Name</th><th> </th></tr><tr><td>a<td>b<td>c<td>d</table>";
        same("{\"\", \"Name\", \"Name2\", \"2\"}", "Table.ColumnNames(" + page(html) + "{0}[Data])");
    }

    @Test
    public void nestedTablesAreRowsOfTheirOwn() {
        String html = "<table id='outer'><tr><th>Part</th><th>Detail</th></tr><tr><td>p1</td><td>"
                + "<table id='inner'><tr><td>i1</td><td>i2</td></tr></table></td></tr></table>";
        same("{\"outer\", \"inner\", null}", page(html) + "[Id]");
        same("#table({\"Part\", \"Detail\"}, {{\"p1\", \"i1#(tab)i2\"}})", page(html) + "{0}[Data]");
        same("#table({\"Column1\", \"Column2\"}, {{\"i1\", \"i2\"}})", page(html) + "{1}[Data]");
    }

    @Test
    public void cellTextAsRendered() {
        String html = "<table><tr><td>  two\n  words </td><td>line<br>break</td><td><p>a</p><p>b</p></td>"
                + "<td>&lt;tag&gt; &#8364;&#x41;</td><td></td></tr></table>";
        same("{\"two words\", \"line#(lf)break\", \"a#(lf)#(lf)b\", \"<tag> €A\", \"\"}",
                "Record.FieldValues(" + page(html) + "{0}[Data]{0})");
        // </br> breaks a line too, as in browsers (generated reports write it)
        same("\"a#(lf)b\"", page("<table><tr><td>a</br>b</td></tr></table>") + "{0}[Data]{0}[Column1]");
    }

    @Test
    public void aPageWithoutTablesIsItsDocument() {
        String html = "<html><head><title>T</title></head><body><div><p>Hello <b>you</b></p>\n  <ul><li>one</ul></div>"
                + "</body></html>";
        same("#table({\"Caption\", \"Source\", \"ClassName\", \"Id\"}, {{\"Document\", \"Service\", null, null}})",
                "Table.RemoveColumns(" + page(html) + ", {\"Data\"})");
        String doc = page(html) + "{0}[Data]";
        same("{\"Kind\", \"Name\", \"Children\", \"Text\"}", "Table.ColumnNames(" + doc + ")");
        same("#table({\"Kind\", \"Name\", \"Text\"}, {{\"Element\", \"HTML\", null}})",
                "Table.RemoveColumns(" + doc + ", {\"Children\"})");
        // html, then its second child (body), as generated navigation steps walk it
        same("{\"HEAD\", \"BODY\"}", doc + "{0}[Children][Name]");
        same("{\"P\", \"UL\"}", doc + "{0}[Children]{1}[Children]{0}[Children][Name]");
        same("#table({\"Kind\", \"Name\", \"Text\"}, {{\"Text\", null, \"Hello \"}, {\"Element\", \"B\", null}})",
                "Table.RemoveColumns(" + doc + "{0}[Children]{1}[Children]{0}[Children]{0}[Children], {\"Children\"})");
        same("\"you\"", doc + "{0}[Children]{1}[Children]{0}[Children]{0}[Children]{1}[Children]{0}[Text]");
    }

    @Test
    public void theDocumentAlwaysHasHtmlHeadAndBody() {
        // a bare script (as in the public "regular expressions through Web.Page" queries): it goes in the head
        String doc = "Web.Page(\"<script>var x = '<b>';</script>\")[Data]{0}";
        same("{\"HTML\"}", doc + "[Name]");
        same("{\"HEAD\", \"BODY\"}", doc + "[Children]{0}[Name]");
        same("\"var x = '<b>';\"", doc + "[Children]{0}[Children]{0}[Children]{0}[Text]{0}");
        same("0", "Table.RowCount(" + doc + "[Children]{0}[Children]{1})");
        // the navigation those queries write, to the body's first text
        same("\"result\"", "Web.Page(\"<script>document.write('x');</script>result\")[Data]{0}[Children]{0}"
                + "[Children]{1}[Text]{0}");
        // content without html/body tags is the body's
        String page = page("<title>t</title><p>x</p><table><tr><td>1</table>");
        same("{\"TITLE\"}", page + "{1}[Data]{0}[Children]{0}[Children][Name]");
        same("{\"P\", \"TABLE\"}", page + "{1}[Data]{0}[Children]{1}[Children][Name]");
    }

    @Test
    public void binaryPagesHonourTheirCharset() throws Exception {
        Path f = dir.getRoot().toPath().resolve("page.html");
        Files.write(f, ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head>"
                + "<body><table><tr><th>Stadt</th><th>Preis</th></tr><tr><td>Zürich</td><td>5 €</td></tr></table>"
                + "</body></html>").getBytes(Charset.forName("windows-1252")));
        same("#table({\"Stadt\", \"Preis\"}, {{\"Zürich\", \"5 €\"}})",
                "Web.Page(File.Contents(\"" + f + "\")){0}[Data]");
        same("{\"Grüße\"}", "Web.Page(Text.ToBinary(\"<table><tr><td>Grüße</table>\")){0}[Data][Column1]");
    }

    @Test
    public void tablesWithoutRowsAndBadArguments() {
        same("#table({}, {})", page("<table></table>") + "{0}[Data]");
        // a header row alone: no rows
        same("#table({\"A\"}, {})", page("<table><tr><th>A</th></tr></table>") + "{0}[Data]");
        fails("Expression.Error", "Web.Page(42)");
    }
}
