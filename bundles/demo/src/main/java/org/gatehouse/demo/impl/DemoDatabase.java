package org.gatehouse.demo.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the demo H2 database exists: on first start it builds {@code sales} under a temporary name and moves
 * the finished file into place, so the demo data source (which opens it with IFEXISTS=TRUE) never sees half a table.
 * An existing database is left alone.
 */
@Component(immediate = true, configurationPid = "org.gatehouse.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoConfig.class)
public class DemoDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);
    private static final String H2_SUFFIX = ".mv.db";

    @Activate
    public DemoDatabase(DemoConfig config,
                        @Reference(target = "(osgi.jdbc.driver.class=org.h2.Driver)") DataSourceFactory h2)
            throws SQLException, IOException {
        Path database = config.database().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "demo", "sales")
                : Paths.get(config.database());
        ensureExists(h2.createDriver(null), database, config.rows());
    }

    /** H2's conventional admin user with no password: the database holds made-up data and is opened read-only. */
    static Properties demoUser() {
        Properties user = new Properties();
        user.setProperty("user", "sa");
        user.setProperty("password", "");
        return user;
    }

    static void ensureExists(Driver h2, Path database, int rows) throws SQLException, IOException {
        Path file = Paths.get(database + H2_SUFFIX);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path building = Paths.get(database + "-building");
        Files.deleteIfExists(Paths.get(building + H2_SUFFIX));
        long start = System.nanoTime();
        try (Connection connection = h2.connect("jdbc:h2:" + building.toAbsolutePath(), demoUser())) {
            SalesGenerator.createAndFill(connection, rows);
        }
        Files.move(Paths.get(building + H2_SUFFIX), file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("demo database {} created with {} sales rows in {} ms", file, rows,
                (System.nanoTime() - start) / 1_000_000);
    }
}
