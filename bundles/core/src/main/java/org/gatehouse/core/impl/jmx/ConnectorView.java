package org.gatehouse.core.impl.jmx;

import org.gatehouse.api.refresh.ConnectorInfo;
import org.gatehouse.core.impl.ConnectorRegistry;
import org.gatehouse.core.impl.RefreshEngine;

/** {@link ConnectorMXBean}: read live from the connector whiteboard and the engine. */
final class ConnectorView implements ConnectorMXBean {

    private final String kind;
    private final ConnectorRegistry connectors;
    private final RefreshEngine engine;

    ConnectorView(String kind, ConnectorRegistry connectors, RefreshEngine engine) {
        this.kind = kind;
        this.connectors = connectors;
        this.engine = engine;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public String getVersion() {
        return connectors.installedConnectors().stream().filter(c -> c.kind().equals(kind))
                .map(ConnectorInfo::version).findFirst().orElse("");
    }

    @Override
    public int getActiveRefreshes() {
        return engine.activeRefreshes(kind);
    }
}
