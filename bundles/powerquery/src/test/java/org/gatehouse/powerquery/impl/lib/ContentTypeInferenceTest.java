package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;

/** Binary.InferContentType over texts built in M and a zip workbook skeleton built here. */
public class ContentTypeInferenceTest {

    private static String type(String text) {
        return "Binary.InferContentType(Text.ToBinary(\"" + text + "\"))[Content.Type]";
    }

    @Test
    public void textsByTheirShape() {
        same("\"text/csv\"", type("Name,Age#(lf)Alice,30#(lf)Bob,25"));
        same("\"text/csv\"", type("a;b#(cr,lf)\"\"x;y\"\";2#(cr,lf)"));
        same("\"text/plain\"", type("just some words#(lf)and, more#(lf)words"));
        same("\"application/json\"", type("  {\"\"a\"\": 1}"));
        same("\"text/xml\"", type("<?xml version=\"\"1.0\"\"?><a/>"));
        same("\"text/html\"", type("<!DOCTYPE html><html></html>"));
        same("65001", "Binary.InferContentType(Text.ToBinary(\"a,b#(lf)1,2\"))[Content.Encoding]");
        same("1200", "Binary.InferContentType(Text.ToBinary(\"a,b#(lf)1,2\", TextEncoding.Unicode, true))[Content.Encoding]");
    }

    @Test
    public void zipArchivesByTheirEntries() throws IOException {
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ContentTypeInference.infer(zip("xl/workbook.xml")).get("Content.Type"));
        assertEquals("application/zip", ContentTypeInference.infer(zip("readme.txt")).get("Content.Type"));
        assertEquals(false, ContentTypeInference.infer(zip("readme.txt")).has("Content.Encoding"));
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
