package org.gatehouse.core.impl.jmx;

/** An installed connector ({@code org.gatehouse:type=Connector,kind=...}). */
public interface ConnectorMXBean {

    String getKind();

    String getVersion();

    int getActiveRefreshes();
}
