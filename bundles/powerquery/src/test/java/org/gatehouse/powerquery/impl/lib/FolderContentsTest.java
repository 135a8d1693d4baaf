package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.eval.Engine;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Folder.Contents: a folder's direct files and subfolders with Folder.Files' columns, a subfolder's Content being its
 * own listing (read only when used), over a folder the test builds: b.txt, a.csv and Sub (holding c.CSV and Deeper).
 */
public class FolderContentsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path root;
    /** The folders the engine asked to list, to see that a subfolder is listed only when its Content is read. */
    private final List<String> listed = new ArrayList<>();
    private DataAccess access;

    @Before
    public void buildFolder() throws IOException {
        root = temp.newFolder("data").toPath();
        Files.writeString(root.resolve("b.txt"), "hello");
        Files.writeString(root.resolve("a.csv"), "1");
        Files.createDirectories(root.resolve("Sub").resolve("Deeper"));
        Files.writeString(root.resolve("Sub").resolve("c.CSV"), "x,y");
        LocalFileAccess files = new LocalFileAccess();
        access = new DataAccess() {
            @Override
            public byte[] fileContents(String path) {
                return files.fileContents(path);
            }

            @Override
            public org.gatehouse.powerquery.BinarySource fileStream(String path) {
                return files.fileStream(path);
            }

            @Override
            public List<FolderEntry> folderContents(String path) {
                listed.add(path);
                return files.folderContents(path);
            }
        };
    }

    private String source() {
        return "Folder.Contents(\"" + root.toString().replace("\"", "\"\"") + "\")";
    }

    /** Folder Path as Folder.Files writes it: the folder as M wrote it, with backslashes and a trailing one. */
    private String folderPath(Path folder) {
        return folder.toString().replace('/', '\\') + "\\";
    }

    private void same(String expected, String expression) {
        Engine engine = new Engine(access);
        Object actual = engine.evaluate(expression);
        assertTrue(expression + " gave " + Values.toText(actual) + ", expected " + expected,
                Values.equal(actual, engine.evaluate(expected)));
    }

    private static String mText(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Test
    public void listsTheFoldersFilesAndSubfoldersWithFolderFilesColumns() {
        same("{\"Content\", \"Name\", \"Extension\", \"Date accessed\", \"Date modified\", \"Date created\", "
                + "\"Attributes\", \"Folder Path\"}", "Table.ColumnNames(" + source() + ")");
        same("{\"a.csv\", \"b.txt\", \"Sub\"}", source() + "[Name]");
        same("{\".csv\", \".txt\", \"\"}", source() + "[Extension]");
        String folder = mText(folderPath(root));
        same("{" + folder + ", " + folder + ", " + folder + "}", source() + "[Folder Path]");
        same("{[Size = 1, ReadOnly = false, Hidden = false, Directory = false], "
                + "[Size = 5, ReadOnly = false, Hidden = false, Directory = false], "
                + "[Size = null, ReadOnly = false, Hidden = false, Directory = true]}", source() + "[Attributes]");
        same("{true, true, true}", "List.Transform(" + source() + "[Date modified], each Value.Is(_, type datetime))");
        same("\"hello\"", "Text.FromBinary(" + source() + "{[Name = \"b.txt\"]}[Content])");
        assertEquals("no step above reads the subfolder's Content, so only the folder itself is listed",
                java.util.Set.of(root.toString()), new java.util.HashSet<>(listed));
    }

    @Test
    public void aSubfoldersContentIsItsOwnListingReadWhenUsed() {
        same("3", "Table.RowCount(" + source() + ")");
        assertEquals("the subfolder is not listed until its Content is read", 1, listed.size());
        String sub = source() + "{[Name = \"Sub\"]}[Content]";
        same("{\"c.CSV\", \"Deeper\"}", sub + "[Name]");
        same("{\".csv\", \"\"}", sub + "[Extension]");
        String folder = mText(folderPath(root.resolve("Sub")));
        same("{" + folder + ", " + folder + "}", sub + "[Folder Path]");
        same("\"x,y\"", "Text.FromBinary(" + sub + "{[Name = \"c.CSV\"]}[Content])");
        same("0", "Table.RowCount(" + sub + "{[Name = \"Deeper\"]}[Content])");
        same("true", "Type.Is(Value.Type(" + sub + "{[Name = \"Deeper\"]}[Content]), type table)");
    }

    @Test
    public void aMappedWindowsFolderKeepsTheAuthorsPathsAllTheWayDown() {
        // a workbook names C:\Reports; the command line maps it to the test's folder
        Engine engine = new Engine(new LocalFileAccess().map("C:\\Reports", root.toString()));
        String sub = "Folder.Contents(\"C:\\Reports\"){[Name = \"Sub\"]}[Content]";
        Object paths = engine.evaluate("Text.Combine({Folder.Contents(\"C:\\Reports\"){0}[Folder Path], " + sub
                + "{0}[Folder Path], Text.FromBinary(" + sub + "{[Name = \"c.CSV\"]}[Content])}, \"|\")");
        assertEquals("C:\\Reports\\|C:\\Reports\\Sub\\|x,y", Values.toText(paths));
    }

    @Test
    public void aMissingFolderIsNotFound() {
        try {
            Values.toText(new Engine(access).evaluate("Folder.Contents(" + mText(root.resolve("nope").toString()) + ")"));
            fail("a missing folder should fail");
        } catch (MException e) {
            assertEquals("DataSource.NotFound", e.reason());
        }
    }

    @Test
    public void aDataAccessWithoutFolderContentsSaysSo() {
        DataAccess bare = path -> new byte[0];
        try {
            new Engine(bare).evaluate("Folder.Contents(\"C:\\data\")");
            fail("Folder.Contents needs a data access that lists folders");
        } catch (MException e) {
            assertEquals("The function Folder.Contents is not supported by this data access.", e.getMessage());
        }
    }
}
