package org.gatehouse.connector.file.impl;

import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** A connector whose one allowed root is a fresh temporary folder, and a data source whose folder it is. */
public abstract class FileTestSupport {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    protected FileConnector connector;
    protected Path root;

    @Before
    public void createRoot() throws Exception {
        root = temp.newFolder("root").toPath().toRealPath();
        connector = new FileConnector(root.toString());
    }

    protected Path write(String name, String text) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    protected RowSource open(String text, String... settings) throws ConnectorException {
        Map<String, String> properties = new HashMap<>();
        properties.put("folder", root.toString());
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return connector.open(new DataSourceSettings("files", "file", properties), Credentials.anonymous(),
                new Query("q", text));
    }

    protected ConnectorException failure(String text, String... settings) {
        try {
            Rows.all(open(text, settings));
            fail("expected a failure");
            return null;
        } catch (ConnectorException e) {
            return e;
        }
    }
}
