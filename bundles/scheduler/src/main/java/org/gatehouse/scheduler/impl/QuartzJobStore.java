package org.gatehouse.scheduler.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's configuration on a persistent JDBC job store in the gateway store: its tables there (created once), its
 * own few pooled connections, and optionally clustered so that several gateways sharing one PostgreSQL store fire
 * each slot once between them.
 */
final class QuartzJobStore implements AutoCloseable {

    /** The name Quartz knows the store's connections by. */
    static final String DATA_SOURCE = "gatehouseStore";
    /** A slot later than this is a misfire (Quartz's default): recorded as missed, never fired late. */
    static final long MISFIRE_THRESHOLD_MILLIS = 60_000;

    private final PooledConnections connections;
    private final QuartzTables.Dialect dialect;

    QuartzJobStore(DataSource store, int quartzThreads) throws SQLException {
        connections = new PooledConnections(store, quartzThreads + 2);
        try (Connection connection = connections.getConnection()) {
            dialect = QuartzTables.ensure(connection);
        } catch (SQLException e) {
            connections.shutdown();
            throw e;
        }
        // Quartz's own registry of connection providers is global: the newest scheduler's connections win, which
        // is right, since only one runs at a time per JVM under this name
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, connections);
    }

    /**
     * @param clustered several gateways share the store (PostgreSQL): Quartz locks rows so each slot fires once,
     *                  and takes over the triggers of a gateway that stopped checking in
     */
    Properties properties(String instanceName, int threads, boolean clustered) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", instanceName);
        // the same id after a restart: a clustered job store then frees what this gateway held when it stopped at
        // its first check-in, instead of waiting until the cluster declares the old instance dead
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId());
        // with nothing due, look again after this long (a trigger freed by another gateway sends no signal)
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a due slot is taken with the others due at the same moment in one transaction, not one by one; no fire-ahead
        // window: with one, the later slots of a batch would fire early, with the first
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", dialect.delegate.getName());
        properties.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        properties.setProperty("org.quartz.jobStore.tablePrefix", QuartzTables.PREFIX);
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MILLIS));
        properties.setProperty("org.quartz.jobStore.isClustered", String.valueOf(clustered));
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
        return properties;
    }

    /** This gateway among those sharing a store: its host and its Karaf instance name. */
    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + System.getProperty("karaf.name", "gateway");
    }

    QuartzTables.Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        connections.shutdown();
    }
}
