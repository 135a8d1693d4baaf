package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.eval;
import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gatehouse.powerquery.MException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Xml.Document's tree of Name/Namespace/Value/Attributes tables, its encodings and its errors, on our own files. */
public class XmlDocumentTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static final String EMPTY_ATTRIBUTES = "#table({\"Name\", \"Namespace\", \"Value\"}, {})";

    private static String doc(String xml) {
        return "Xml.Document(\"" + xml.replace("'", "\"\"") + "\")";
    }

    @Test
    public void theRootRowAndItsChildren() {
        String d = doc("<catalog><book id='b1'><title>Dune</title><price>9.5</price></book><book id='b2'/></catalog>");
        same("{\"Name\", \"Namespace\", \"Value\", \"Attributes\"}", "Table.ColumnNames(" + d + ")");
        same("{\"catalog\"}", d + "[Name]");
        same("{\"\"}", d + "[Namespace]");
        same("#table({\"Name\", \"Namespace\", \"Value\", \"Attributes\"}, {{\"title\", \"\", \"Dune\", "
                + EMPTY_ATTRIBUTES + "}, {\"price\", \"\", \"9.5\", " + EMPTY_ATTRIBUTES + "}})",
                d + "{0}[Value]{0}[Value]");
        same("#table({\"Name\", \"Namespace\", \"Value\"}, {{\"id\", \"\", \"b2\"}})", d + "{0}[Value]{1}[Attributes]");
        // an empty element's value is an empty table of children, as in the reference's Xml.Document("<a></a>")
        same("#table({\"Name\", \"Namespace\", \"Value\", \"Attributes\"}, {})", d + "{0}[Value]{1}[Value]");
        same("#table({\"Name\", \"Namespace\", \"Value\", \"Attributes\"}, {{\"a\", \"\", "
                + "#table({\"Name\", \"Namespace\", \"Value\", \"Attributes\"}, {}), " + EMPTY_ATTRIBUTES + "}})",
                doc("<a></a>"));
        same("type table [Name = text, Namespace = text, Value = any, Attributes = table]", "Value.Type(" + d + ")");
    }

    @Test
    public void namespacesAndTheirDeclarations() {
        String d = doc("<r xmlns='urn:d' xmlns:x='urn:x' x:k='v'><x:c>1</x:c><c>2</c></r>");
        same("{\"urn:d\"}", d + "[Namespace]");
        same("{{\"c\", \"urn:x\"}, {\"c\", \"urn:d\"}}", "Table.ToRows(Table.SelectColumns(" + d
                + "{0}[Value], {\"Name\", \"Namespace\"}))");
        // namespace declarations are attributes as .NET names them: xmlns in no namespace, a prefix in xmlns's
        same("#table({\"Name\", \"Namespace\", \"Value\"}, {{\"xmlns\", \"\", \"urn:d\"}, "
                + "{\"x\", \"http://www.w3.org/2000/xmlns/\", \"urn:x\"}, {\"k\", \"urn:x\", \"v\"}})",
                d + "{0}[Attributes]");
    }

    @Test
    public void mixedContentIsItsMarkupAsText() {
        same("\"Hello <i>world</i> &amp; more\"", doc("<abc>#(lf)  Hello <i>world</i> &amp; more#(lf)</abc>")
                + "{0}[Value]");
    }

    @Test
    public void whiteSpaceBetweenElementsIsNotContent() {
        same("{\"a\", \"b\"}", doc("<r>#(lf)  <a>1</a>#(lf)  <b>2</b>#(lf)</r>") + "{0}[Value][Name]");
    }

    private Path file(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Path f = dir.getRoot().toPath().resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static String fromFile(Path f, String more) {
        return "Xml.Document(File.Contents(\"" + f.toString().replace("\"", "\"\"") + "\")" + more + "){0}[Value]";
    }

    @Test
    public void encodingsOfFiles() throws Exception {
        String text = "<?xml version='1.0' encoding='utf-16'?><a>Grüße €</a>".replace('\'', '"');
        Path utf16be = file("be.xml", new byte[] {(byte) 0xfe, (byte) 0xff}, text.getBytes(StandardCharsets.UTF_16BE));
        same("\"Grüße €\"", fromFile(utf16be, ""));
        Path utf16le = file("le.xml", text.getBytes(StandardCharsets.UTF_16LE)); // no mark: "<" then 0
        same("\"Grüße €\"", fromFile(utf16le, ""));
        Path utf8bom = file("bom.xml", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                "<a>Grüße €</a>".getBytes(StandardCharsets.UTF_8));
        // the byte-order mark wins over the code page asked for
        same("\"Grüße €\"", fromFile(utf8bom, ", 1252"));
        Path latin = file("latin.xml", "<?xml version='1.0' encoding='ISO-8859-1'?><a>Grüße</a>".replace('\'', '"')
                .getBytes(StandardCharsets.ISO_8859_1));
        same("\"Grüße\"", fromFile(latin, ""));
        Path cp1252 = file("cp.xml", "<a>Grüße €</a>".getBytes(Charset.forName("windows-1252")));
        same("\"Grüße €\"", fromFile(cp1252, ", 1252"));
        fails("DataFormat.Error", fromFile(cp1252, ""));
    }

    @Test
    public void badBytesTellWhere() throws Exception {
        Path f = file("bad.xml", "<a>\n  <b>ok</b>\n  <c>".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xe9},
                "</c>\n</a>".getBytes(StandardCharsets.UTF_8));
        message("line 3, column 6", fromFile(f, ""));
    }

    @Test
    public void malformedXmlTellsWhere() {
        message("line 3, column", doc("<a>#(lf)<b>1</b>#(lf)<c></a>"));
        fails("DataFormat.Error", doc("<a>1</a><b/>"));
        fails("DataFormat.Error", doc("just text"));
        fails("DataFormat.Error", "Xml.Document(Text.ToBinary(\"<?xml version=\"\"1.0\"\" encoding=\"\"no-such\"\"?>"
                + "<a/>\"))");
    }

    private static void message(String expected, String expression) {
        try {
            Object v = eval(expression);
            fail(expression + " should fail but gave " + v);
        } catch (MException e) {
            assertTrue(e.reason() + ": " + e.getMessage(), e.reason().equals("DataFormat.Error")
                    && e.getMessage().contains(expected));
        }
    }
}
