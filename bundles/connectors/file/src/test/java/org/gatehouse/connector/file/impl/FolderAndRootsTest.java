package org.gatehouse.connector.file.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.Test;

public class FolderAndRootsTest extends FileTestSupport {

    @Test
    public void aGlobCombinesEveryMatchingFileWithItsNameAndPicksUpNewFilesOnTheNextRead() throws Exception {
        write("in/2024-01.csv", "id,amount\n1,10\n2,20\n");
        write("in/2024-02.csv", "amount,id\n30,3\n");
        write("in/notes.txt", "not data");
        write("in/~$lock.csv", "office lock file");
        RowSource source = open("in/*.csv");
        assertEquals(List.of(new Column("Source.Name", ColumnType.STRING), new Column("id", ColumnType.LONG),
                new Column("amount", ColumnType.LONG)), source.schema().columns());
        assertEquals(List.of(List.of("2024-01.csv", 1L, 10L), List.of("2024-01.csv", 2L, 20L),
                List.of("2024-02.csv", 3L, 30L)), Rows.all(source));

        write("in/2024-03.csv", "id,amount\n4,40\n");
        assertEquals(4, Rows.all(open("in/*.csv")).size());
    }

    @Test
    public void aRecursiveGlobNamesFilesByTheirPathBelowTheFolder() throws Exception {
        write("tree/a/x.json", "[{\"v\": 1}]");
        write("tree/b/c/y.json", "[{\"v\": 2}]");
        List<List<Object>> rows = Rows.all(open("tree/**.json", "sourceColumn", "File"));
        assertEquals(List.of(List.of("a/x.json", 1L), List.of("b/c/y.json", 2L)), rows);
    }

    @Test
    public void aFolderWithNoMatchingFilesIsAnEmptyTable() throws Exception {
        Files.createDirectories(root.resolve("none"));
        RowSource source = open("none/*.csv");
        assertEquals(List.of(new Column("Source.Name", ColumnType.STRING)), source.schema().columns());
        assertEquals(List.of(), Rows.all(source));
    }

    @Test
    public void aFileThatVanishesBeforeItsTurnFailsCleanly() throws Exception {
        write("v/1.csv", "a\n1\n2\n");
        Path second = write("v/2.csv", "a\n3\n");
        RowSource source = open("v/*.csv", "sampleRows", "1");
        Object[] row = new Object[2];
        assertTrue(source.next(row));
        Files.delete(second);
        try {
            while (source.next(row)) {
                // the rows of 1.csv
            }
            fail("2.csv is gone");
        } catch (ConnectorException e) {
            assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("2.csv' does not exist"));
        } finally {
            source.close();
        }
    }

    @Test
    public void dotDotIsRefusedEvenWhenItWouldStayInside() throws Exception {
        write("a/x.csv", "a\n1\n");
        ConnectorException e = failure("a/../a/x.csv");
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertEquals("data source files, query q: 'a/../a/x.csv' is refused: '..' is not allowed in paths",
                e.getMessage());
    }

    @Test
    public void absolutePathsOutsideTheRootsAreRefused() throws Exception {
        Path outside = temp.newFile("secret.csv").toPath();
        Files.writeString(outside, "a\n1\n");
        ConnectorException e = failure(outside.toString());
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertTrue(e.getMessage(), e.getMessage().endsWith("is outside the folders this gateway may read ("
                + AllowedRoots.WHERE + ")"));
        // a data source's folder cannot move the root either
        assertEquals(Reason.INVALID_SETTINGS, failure("secret.csv", "folder", outside.getParent().toString())
                .reason());
        // a root's name as a prefix of another folder's is not inside it
        Path sibling = Files.createDirectories(root.resolveSibling(root.getFileName() + "-other"));
        Files.writeString(sibling.resolve("s.csv"), "a\n1\n");
        assertEquals(Reason.INVALID_SETTINGS, failure(sibling.resolve("s.csv").toString()).reason());
    }

    @Test
    public void symbolicLinksLeadingOutOfTheRootsAreRefused() throws Exception {
        Path outside = temp.newFolder("outside").toPath();
        Files.writeString(outside.resolve("s.csv"), "a\n1\n");
        Files.createSymbolicLink(root.resolve("link.csv"), outside.resolve("s.csv"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        Files.createDirectories(root.resolve("mixed"));
        Files.writeString(root.resolve("mixed/ok.csv"), "a\n1\n");
        Files.createSymbolicLink(root.resolve("mixed/evil.csv"), outside.resolve("s.csv"));

        assertTrue(failure("link.csv").getMessage().contains("leads outside the folders this gateway may read"));
        assertEquals(Reason.INVALID_SETTINGS, failure("linkdir/s.csv").reason());
        assertEquals(Reason.INVALID_SETTINGS, failure("linkdir/*.csv").reason());
        ConnectorException e = failure("mixed/*.csv");
        assertTrue(e.getMessage(), e.getMessage().contains("'mixed/evil.csv' is refused"));

        // a link that stays inside is fine
        Files.createSymbolicLink(root.resolve("alias.csv"), root.resolve("mixed/ok.csv"));
        assertEquals(List.of(List.of(1L)), Rows.all(open("alias.csv")));
    }

    @Test
    public void withoutConfiguredRootsNothingIsReadable() throws Exception {
        write("x.csv", "a\n1\n");
        FileConnector unconfigured = new FileConnector();
        try {
            unconfigured.open(new DataSourceSettings("files", "file", Map.of()), Credentials.anonymous(),
                    new Query("q", root.resolve("x.csv").toString()));
            fail();
        } catch (ConnectorException e) {
            assertEquals(Reason.INVALID_SETTINGS, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("allowedRoots in etc/org.gatehouse.connector.file.cfg"));
        }
        try {
            unconfigured.test(new DataSourceSettings("files", "file", Map.of()), Credentials.anonymous());
            fail();
        } catch (ConnectorException e) {
            assertEquals(Reason.INVALID_SETTINGS, e.reason());
        }
    }

    @Test
    public void aRelativeConfiguredRootIsLeftOutAndTheOthersStillWork() throws Exception {
        write("x.csv", "a\n1\n");
        List<String> problems = new java.util.ArrayList<>();
        AllowedRoots roots = AllowedRoots.of(new String[] {"relative/dir", root + ", " + root.resolve("sub")},
                problems::add);
        assertEquals(List.of(root, root.resolve("sub")), roots.roots());
        assertEquals(List.of("allowed root 'relative/dir' is not an absolute path"), problems);
    }

    @Test
    public void relativePathsNeedAFolderSettingAndAbsoluteOnesInsideWork() throws Exception {
        Path file = write("x.csv", "a\n1\n");
        DataSourceSettings noFolder = new DataSourceSettings("files", "file", Map.of());
        try {
            connector.open(noFolder, Credentials.anonymous(), new Query("q", "x.csv"));
            fail();
        } catch (ConnectorException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("relative"));
        }
        assertEquals(List.of(List.of(1L)),
                Rows.all(connector.open(noFolder, Credentials.anonymous(), new Query("q", file.toString()))));
        connector.test(noFolder, Credentials.anonymous());
        connector.test(new DataSourceSettings("files", "file", Map.of("folder", root.toString())),
                Credentials.anonymous());
    }

    @Test
    public void namingAFolderInsteadOfAFileSaysHowToCombine() throws Exception {
        Files.createDirectories(root.resolve("dir"));
        ConnectorException e = failure("dir");
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("dir/*.csv"));
        assertEquals(Arrays.asList(), Rows.all(open("dir/*.csv")));
    }
}
