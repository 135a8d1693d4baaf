package org.gatehouse.core.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.gatehouse.api.Connector;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.ConnectorInfo;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors installed right now, by kind: the whiteboard of {@link Connector} services. A connector bundle that
 * starts is usable by the next refresh; one that stops is gone from the next lookup.
 */
@Component(service = {ConnectorRegistry.class, ConnectorCatalog.class})
public class ConnectorRegistry implements ConnectorCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, Installed> byKind = new ConcurrentHashMap<>();
    private final List<BiConsumer<Connector, String>> removalListeners = new CopyOnWriteArrayList<>();

    private record Installed(Connector connector, String version) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnector(Connector connector, ServiceReference<Connector> reference) {
        String version = reference.getBundle() == null ? "unknown" : reference.getBundle().getVersion().toString();
        Installed previous = byKind.put(connector.kind(), new Installed(connector, version));
        if (previous != null && previous.connector() != connector) {
            LOG.warn("connector {} {} replaces {} of the same kind", connector.kind(), version, previous.version());
        } else {
            LOG.info("connector {} {} installed", connector.kind(), version);
        }
    }

    void removeConnector(Connector connector) {
        String kind = connector.kind();
        Installed current = byKind.get(kind);
        // only the exact service that went away: a newer connector of the same kind may already have replaced it
        if (current != null && current.connector() == connector && byKind.remove(kind, current)) {
            LOG.info("connector {} {} removed", kind, current.version());
        }
        // whether replaced or not, refreshes still reading through the departing service must stop
        for (BiConsumer<Connector, String> listener : removalListeners) {
            listener.accept(connector, kind);
        }
    }

    /** Called with a connector service and its kind when it goes away, before its bundle stops (on DS's thread). */
    void onRemoval(BiConsumer<Connector, String> listener) {
        removalListeners.add(listener);
    }

    Optional<Connector> find(String kind) {
        return Optional.ofNullable(byKind.get(kind)).map(Installed::connector);
    }

    /** Registers a connector outside OSGi (tests). */
    void add(Connector connector, String version) {
        byKind.put(connector.kind(), new Installed(connector, version));
    }

    @Override
    public List<ConnectorInfo> installedConnectors() {
        return byKind.entrySet().stream().map(e -> new ConnectorInfo(e.getKey(), e.getValue().version()))
                .sorted(Comparator.comparing(ConnectorInfo::kind)).toList();
    }
}
