package org.gatehouse.connector.file.format;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class CsvRecordReaderTest {

    private static List<List<Object>> read(String text, CsvOptions options) throws Exception {
        List<List<Object>> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), "t.csv", options)) {
            while (reader.next()) {
                records.add(Arrays.asList(reader.values().clone()));
            }
        }
        return records;
    }

    @Test
    public void quotedFieldsKeepDelimitersLineBreaksAndDoubledQuotes() throws Exception {
        List<List<Object>> records = read("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n2,,\n",
                CsvOptions.csv());
        assertEquals(List.of(List.of("1", "x, \"y\"", "two\nlines"), List.of("2", "", "")), records);
    }

    @Test
    public void anEscapeCharacterMakesTheQuoteLiteral() throws Exception {
        CsvOptions options = new CsvOptions(';', '\'', '\\', true, 100);
        assertEquals(List.of(List.of("it's", "x;y")), read("a;b\n'it\\'s';'x;y'\n", options));
    }

    @Test
    public void withoutHeaderColumnsAreNumberedAndTheFirstLineIsARecord() throws Exception {
        CsvOptions options = new CsvOptions('\t', -1, -1, false, 100);
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader("1\t\"2\"\n3\t4"), "t.tsv", options)) {
            assertArrayEquals(new String[] {"Column1", "Column2"}, reader.knownNames());
            assertTrue(reader.next());
            // quoting off: the quotes are data
            assertArrayEquals(new Object[] {"1", "\"2\""}, reader.values());
            assertTrue(reader.next());
            assertArrayEquals(new Object[] {"3", "4"}, reader.values());
            assertFalse(reader.next());
        }
    }

    @Test
    public void aRecordWithTheWrongNumberOfFieldsIsReportedWithItsLineAndReadingGoesOn() throws Exception {
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader("a,b\n1,2\n\"multi\nline\",2,3\n4,5\n"),
                "t.csv", CsvOptions.csv())) {
            assertTrue(reader.next());
            try {
                reader.next();
                fail("three fields under a two-column header");
            } catch (MalformedRecordException e) {
                assertEquals("t.csv line 3: 3 fields where the header has 2", e.getMessage());
                assertTrue(e.recoverable());
            }
            assertTrue(reader.next());
            assertEquals("t.csv line 5", reader.location());
            assertArrayEquals(new Object[] {"4", "5"}, reader.values());
        }
    }

    @Test
    public void anUnclosedQuoteIsNotRecoverable() throws Exception {
        try {
            read("a,b\n1,2\n3,\"never closed\n4,5\n", CsvOptions.csv());
            fail();
        } catch (MalformedRecordException e) {
            assertEquals("t.csv line 3: a quoted field is not closed before the end of the file", e.getMessage());
            assertFalse(e.recoverable());
        }
    }

    @Test
    public void aFieldLongerThanTheLimitStopsTheRead() throws Exception {
        try {
            read("a\n\"" + "x".repeat(500), new CsvOptions(',', '"', -1, true, 100));
            fail();
        } catch (MalformedRecordException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("longer than 100 characters"));
        }
    }

    @Test
    public void textAfterAClosingQuoteIsMalformed() throws Exception {
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader("a,b\n\"x\"y,2\n3,4\n"), "t.csv",
                CsvOptions.csv())) {
            try {
                reader.next();
                fail();
            } catch (MalformedRecordException e) {
                assertEquals("t.csv line 2: unexpected text after a closing quote", e.getMessage());
            }
            assertTrue(reader.next());
            assertArrayEquals(new Object[] {"3", "4"}, reader.values());
        }
    }
}
