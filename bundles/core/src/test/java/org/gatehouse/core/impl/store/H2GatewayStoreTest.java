package org.gatehouse.core.impl.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;

import org.gatehouse.api.gateway.RefreshStatus;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The store on the embedded H2 database it uses by default, in a file of its own per test. */
public class H2GatewayStoreTest extends GatewayStoreContract {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final Driver driver = new org.h2.Driver();

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected String url() {
        return "jdbc:h2:" + storeBase();
    }

    @Override
    protected String user() {
        return "";
    }

    @Override
    protected String password() {
        return "";
    }

    private Path storeBase() {
        return folder.getRoot().toPath().resolve("gatehouse").resolve("store");
    }

    private Path storeFile() {
        return Path.of(storeBase() + ".mv.db");
    }

    @Test
    public void theStoreIsAFileInTheDataDirectoryByDefault() throws Exception {
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", folder.getRoot().getPath());
        try {
            assertEquals("jdbc:h2:retry:" + storeBase() + ";WRITE_DELAY=0", StoreSettings.defaultUrl());
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
        open();
        assertTrue("the store's directory is created with it", Files.isRegularFile(storeFile()));
        assertEquals(storeFile(), settings(1, 1).h2File().orElseThrow());
    }

    @Test
    public void configuredH2FileStoresUseTheRetryFileSystemToo() {
        assertEquals("jdbc:h2:retry:/data/gatehouse/store;WRITE_DELAY=0",
                StoreSettings.retryingOnInterrupt("jdbc:h2:/data/gatehouse/store;WRITE_DELAY=0"));
        assertEquals("jdbc:h2:retry:/data/store", StoreSettings.retryingOnInterrupt("jdbc:h2:file:/data/store"));
        assertEquals("jdbc:h2:retry:C:/data/store", StoreSettings.retryingOnInterrupt("jdbc:h2:C:/data/store"));
        assertEquals("jdbc:h2:retry:/x", StoreSettings.retryingOnInterrupt("jdbc:h2:retry:/x"));
        assertEquals("jdbc:h2:mem:x", StoreSettings.retryingOnInterrupt("jdbc:h2:mem:x"));
        assertEquals("jdbc:h2:tcp://h/db", StoreSettings.retryingOnInterrupt("jdbc:h2:tcp://h/db"));
        assertEquals("jdbc:postgresql://db/gw", StoreSettings.retryingOnInterrupt("jdbc:postgresql://db/gw"));
    }

    @Test
    public void theDefaultStoreSurvivesAWriterThatIsInterrupted() throws Exception {
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", folder.getRoot().getPath());
        String url;
        try {
            url = StoreSettings.defaultUrl();
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
        try (java.sql.Connection reader = java.sql.DriverManager.getConnection(url)) {
            reader.createStatement().execute("CREATE TABLE interrupted_writes (n INT)");
            Thread writer = new Thread(() -> {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
                    for (int i = 0; i < 50; i++) {
                        // the thread's interrupt flag is set while it writes, as a stopping scheduler's would be
                        Thread.currentThread().interrupt();
                        c.createStatement().execute("INSERT INTO interrupted_writes VALUES (" + i + ")");
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            writer.join();
            java.sql.ResultSet count = reader.createStatement().executeQuery("SELECT COUNT(*) FROM interrupted_writes");
            count.next();
            assertEquals("every write of the interrupted thread is there, and the store is still open", 50,
                    count.getInt(1));
        }
    }

    @Test
    public void aMissingStoreFileIsNotSilentlyReplacedByAnEmptyOne() throws Exception {
        GatewayStore store = open();
        record(store, "sales", RefreshStatus.SUCCEEDED, 1, 1, null);
        close(store);
        Files.delete(storeFile());
        try {
            open();
            fail("a store that existed and is gone must not be recreated empty");
        } catch (StoreException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(storeFile().toString()));
            assertTrue(e.getMessage(), e.getMessage().contains("is missing"));
        }
        assertFalse("nothing is created in its place", Files.exists(storeFile()));

        Files.delete(StoreMarker.of(storeFile()));
        GatewayStore fresh = open();
        assertTrue("the owner chose to start empty", fresh.history().recent(null, false, 10).isEmpty());
        close(fresh);
    }

    @Test
    public void aCorruptStoreFileIsRefusedNamingTheFileAndLeftAsItIs() throws Exception {
        close(open());
        byte[] garbage = "this is not an H2 database, it is what a failing disk left behind\n".repeat(200)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(storeFile(), garbage);
        try {
            open();
            fail("a corrupt store must not open");
        } catch (StoreException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(storeFile().toString()));
            assertTrue(e.getMessage(), e.getMessage().contains("cannot be opened"));
            assertTrue(e.getMessage(), e.getMessage().contains("never reset"));
        }
        assertArrayEquals("the corrupt file must be kept for repair, not replaced", garbage,
                Files.readAllBytes(storeFile()));
    }

    @Test
    public void anH2UrlNamesItsFileAndOtherUrlsTheirAddressWithoutPassword() {
        assertEquals(Path.of("/data/store.mv.db"), new StoreSettings("jdbc:h2:file:/data/store;MODE=Regular", "",
                "", 1, 1).h2File().orElseThrow());
        assertTrue(new StoreSettings("jdbc:h2:mem:x", "", "", 1, 1).h2File().isEmpty());
        assertEquals(Path.of("/data/store.mv.db"), new StoreSettings("jdbc:h2:retry:/data/store;WRITE_DELAY=0", "",
                "", 1, 1).h2File().orElseThrow());
        StoreSettings postgres = new StoreSettings("jdbc:postgresql://db:5432/gw?user=g&password=s3cret", "g",
                "s3cret", 1, 1);
        assertEquals("jdbc:postgresql://db:5432/gw?user=g&password=***", postgres.description());
        assertTrue(postgres.toString(), !postgres.toString().contains("s3cret"));
    }
}
