package org.gatehouse.core.impl.jmx;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.refresh.ConnectorInfo;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.core.impl.ConnectorRegistry;
import org.gatehouse.core.impl.RefreshEngine;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MBeans in the domain {@code org.gatehouse}, on the platform MBean server (the one Karaf and a
 * Jolokia agent use): the gateway, one per dataset, one per installed connector. Datasets and connectors come and
 * go while the gateway runs, so their MBeans follow every few seconds; attributes are read live.
 */
@Component(service = {}, immediate = true)
public class GatewayMBeans {

    public static final String DOMAIN = "org.gatehouse";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMBeans.class);
    private static final long FOLLOW_SECONDS = 5;

    private final MBeanServer server;
    private final RefreshEngine engine;
    private final ConnectorRegistry connectors;
    private final GatewayState state = new GatewayState();
    private final Set<ObjectName> registered = new HashSet<>();
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-jmx");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public GatewayMBeans(@Reference RefreshEngine engine, @Reference ConnectorRegistry connectors,
                         @Reference GatewayDefinitions definitions, BundleContext context) throws JMException {
        this(ManagementFactory.getPlatformMBeanServer(), engine, connectors, definitions,
                context.getBundle().getVersion().toString());
    }

    /** On the given MBean server (tests). */
    public GatewayMBeans(MBeanServer server, RefreshEngine engine, ConnectorRegistry connectors,
                  GatewayDefinitions definitions, String version) throws JMException {
        this.server = server;
        this.engine = engine;
        this.connectors = connectors;
        register(gatewayName(), new GatewayView(state, engine, definitions, version, Instant.now()));
        follow();
        follower.scheduleWithFixedDelay(this::followLogged, FOLLOW_SECONDS, FOLLOW_SECONDS, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetHistory")
    public void setHistory(RefreshHistory history) {
        state.history = history;
    }

    void unsetHistory(RefreshHistory history) {
        if (state.history == history) {
            state.history = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetSchedules")
    void setSchedules(Schedules schedules) {
        state.schedules = schedules;
    }

    void unsetSchedules(Schedules schedules) {
        if (state.schedules == schedules) {
            state.schedules = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetRelay")
    void setRelay(RelayStatus relay) {
        state.relay = relay;
    }

    void unsetRelay(RelayStatus relay) {
        if (state.relay == relay) {
            state.relay = null;
        }
    }

    private void followLogged() {
        try {
            follow();
        } catch (RuntimeException | JMException e) {
            LOG.warn("the gateway's MBeans could not follow its datasets and connectors: {}", e.getMessage());
        }
    }

    /** Registers the MBeans of new datasets and connectors, unregisters those of the ones gone. */
    public synchronized void follow() throws JMException {
        Set<ObjectName> wanted = new HashSet<>();
        wanted.add(gatewayName());
        for (String dataset : engine.datasets()) {
            ObjectName name = datasetName(dataset);
            wanted.add(name);
            if (!registered.contains(name)) {
                register(name, new DatasetView(dataset, state));
            }
        }
        List<ConnectorInfo> installed = connectors.installedConnectors();
        for (ConnectorInfo connector : installed) {
            ObjectName name = connectorName(connector.kind());
            wanted.add(name);
            if (!registered.contains(name)) {
                register(name, new ConnectorView(connector.kind(), connectors, engine));
            }
        }
        for (ObjectName name : Set.copyOf(registered)) {
            if (!wanted.contains(name)) {
                unregister(name);
            }
        }
    }

    private void register(ObjectName name, Object mbean) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name); // left by an earlier instance of this component
        }
        server.registerMBean(mbean, name);
        registered.add(name);
    }

    private void unregister(ObjectName name) {
        registered.remove(name);
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("MBean {} was gone already", name);
        }
    }

    public static ObjectName gatewayName() throws JMException {
        return new ObjectName(DOMAIN + ":type=Gateway");
    }

    public static ObjectName datasetName(String dataset) throws JMException {
        return new ObjectName(DOMAIN + ":type=Dataset,name=" + ObjectName.quote(dataset));
    }

    public static ObjectName connectorName(String kind) throws JMException {
        return new ObjectName(DOMAIN + ":type=Connector,kind=" + ObjectName.quote(kind));
    }

    @Deactivate
    public synchronized void deactivate() {
        follower.shutdownNow();
        Set.copyOf(registered).forEach(this::unregister);
    }
}
