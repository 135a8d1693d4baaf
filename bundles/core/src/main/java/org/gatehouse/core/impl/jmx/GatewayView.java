package org.gatehouse.core.impl.jmx;

import java.security.AccessController;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.security.auth.Subject;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Schema;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.ResultSink;
import org.gatehouse.core.impl.RefreshEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GatewayMXBean}: read live from the engine and the relay link. */
final class GatewayView implements GatewayMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayView.class);

    private final GatewayState state;
    private final RefreshEngine engine;
    private final GatewayDefinitions definitions;
    private final String version;
    private final Instant started;
    private final ExecutorService refreshes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-jmx-refresh");
        thread.setDaemon(true);
        return thread;
    });

    GatewayView(GatewayState state, RefreshEngine engine, GatewayDefinitions definitions, String version,
                Instant started) {
        this.state = state;
        this.engine = engine;
        this.definitions = definitions;
        this.version = version;
        this.started = started;
    }

    @Override
    public boolean isOnline() {
        return isRelayConnected();
    }

    @Override
    public boolean isRelayConnected() {
        RelayStatus relay = state.relay;
        return relay != null && relay.connected();
    }

    @Override
    public String getRelayAddress() {
        RelayStatus relay = state.relay;
        return relay == null ? "" : relay.relayAddress();
    }

    @Override
    public String getGatewayId() {
        RelayStatus relay = state.relay;
        return relay == null ? "" : relay.gatewayId();
    }

    @Override
    public long getUptimeSeconds() {
        return Duration.between(started, Instant.now()).toSeconds();
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public int getActiveRefreshes() {
        return engine.activeRefreshes();
    }

    @Override
    public String refreshNow(String dataset) {
        if (dataset == null || !engine.datasets().contains(dataset)) {
            throw new IllegalArgumentException("dataset '" + dataset + "' is not defined on this gateway");
        }
        String trigger = "jmx" + caller();
        refreshes.execute(() -> {
            try {
                engine.refresh(RefreshRequest.wholeDataset(dataset, trigger), new CountingSink());
            } catch (RefreshException e) {
                // the engine has logged it and written it to the history, which the dataset's MBean shows
                LOG.debug("refresh of {} for {} failed: {}", dataset, trigger, e.getMessage());
            }
        });
        return "refresh of " + dataset + " started; its outcome shows in the dataset's LastStatus";
    }

    @Override
    public String testDataSource(String id) {
        try {
            definitions.testDataSource(id);
            return "data source " + id + ": reachable, sign-in accepted";
        } catch (ConnectorException e) {
            return "data source " + id + ": " + e.reason() + ": " + e.getMessage();
        }
    }

    /** ":user" of the JMX client when the console passes its subject on, else nothing. */
    @SuppressWarnings("removal")
    private static String caller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return "";
        }
        return subject.getPrincipals().stream().map(Principal::getName).findFirst().map(name -> ":" + name)
                .orElse("");
    }

    /** Counts nothing and keeps nothing: a console refresh proves the dataset refreshes, it delivers to nobody. */
    private static final class CountingSink implements ResultSink {
        @Override
        public void beginTable(String name, Schema schema) {
        }

        @Override
        public void row(Object[] values) {
        }

        @Override
        public void endTable(long rowCount) {
        }
    }
}
