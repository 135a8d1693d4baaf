package org.gatehouse.core.impl.jmx;

/**
 * The gateway as the owner watches it in a JMX console ({@code org.gatehouse:type=Gateway}). Nothing here is a
 * secret, and nothing changes the gateway except the two operations, which the console restricts to admins.
 */
public interface GatewayMXBean {

    /** The gateway serves requests: its relay link is up. */
    boolean isOnline();

    boolean isRelayConnected();

    /** The relay address the link uses, without credentials; empty without a relay link. */
    String getRelayAddress();

    String getGatewayId();

    long getUptimeSeconds();

    String getVersion();

    int getActiveRefreshes();

    /** Starts a refresh of the dataset (its rows are counted, not delivered); returns at once, saying so. */
    String refreshNow(String dataset);

    /** Checks that the data source is reachable and its sign-in accepted; returns what it found. */
    String testDataSource(String id);
}
