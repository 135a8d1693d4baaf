package org.gatehouse.relay.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.RefreshFailureListener;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RelayEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's link to the relay: a Camel context (visible over JMX as {@code gatehouse-relay}) with the relay
 * routes over one AMQP connection. The link keeps itself up: the listener container retries the connection every
 * second while the broker is away, and the shared connection is dropped and re-made after a failure.
 * <p>
 * The link is also the gateway's {@link RelayStatus}, registered by hand rather than as the component's service: DS
 * would publish every configuration property with it, and those include the relay password or a Service Bus
 * connection string with its key, for anyone to list with {@code service:list}.
 */
@Component(configurationPid = "org.gatehouse.relay", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
@Designate(ocd = RelayConfig.class)
public class RelayLink implements RelayStatus {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLink.class);

    private final CamelContext camel;
    private final ObservedConnectionFactory connections;
    private final LastHeartbeat lastHeartbeat = new LastHeartbeat(Clock.systemUTC());
    private final String gatewayId;
    private final String relayAddress;
    private final String version;
    private final FailureEventPublisher failureEvents;
    private ServiceRegistration<RelayStatus> statusRegistration;
    private final ResultDelivery resultDelivery;
    private ServiceRegistration<ResultDelivery> deliveryRegistration;
    /** Null while the gateway store, and with it the vault, is not open: heartbeats then carry no public key. */
    private volatile CredentialVault vault;
    private volatile GatewayDefinitions definitions;
    private ServiceRegistration<RefreshFailureListener> failureEventsRegistration;

    @Activate
    public RelayLink(BundleContext bundleContext, RelayConfig config, @Reference RefreshService refreshService,
                     @Reference ConnectorCatalog connectorCatalog) throws Exception {
        this(config, bundleContext.getBundle().getVersion().toString(), refreshService, connectorCatalog);
        statusRegistration = bundleContext.registerService(RelayStatus.class, this, null);
        failureEventsRegistration = bundleContext.registerService(RefreshFailureListener.class, failureEvents,
                null);
        deliveryRegistration = bundleContext.registerService(ResultDelivery.class, resultDelivery, null);
    }

    /** Results for addresses on the relay that no request asked for (scheduled refreshes). */
    ResultDelivery resultDelivery() {
        return resultDelivery;
    }

    /** Links a gateway of the given version to the relay; outside OSGi too (tests, benchmarks). */
    RelayLink(RelayConfig config, String version, RefreshService refreshService, ConnectorCatalog connectorCatalog)
            throws Exception {
        RelayEndpoint endpoint = RelayEndpoint.parse(config.url(), config.user(), config.password());
        String requestAddress = Protocol.requestAddress(config.gatewayId());
        this.gatewayId = config.gatewayId();
        this.relayAddress = addressOf(endpoint);
        this.version = version;
        connections = connectionFactory(endpoint);

        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("gatehouse-relay");
        AMQPComponent amqp = new AMQPComponent(connections);
        amqp.getConfiguration().setRecoveryInterval(1000);
        context.addComponent("amqp", amqp);

        AdminRequests admin = new AdminRequests(() -> definitions, () -> vault);
        RelaySender sender = new RelaySender(context.createProducerTemplate(), RelayRoutes.REPLIES);
        RequestProcessor requests = new RequestProcessor(refreshService, admin, sender, config.gatewayId(),
                config.maxChunkBytes());
        resultDelivery = new RelayResultDelivery(sender, config.gatewayId(), config.maxChunkBytes());
        HeartbeatProcessor heartbeat = new HeartbeatProcessor(connectorCatalog, config.gatewayId(), version,
                requestAddress, this::publicKey);
        context.addRoutes(new RelayRoutes(config, requestAddress, requests, heartbeat, lastHeartbeat));
        context.addRoutes(new FailureEventRoutes(config.gatewayId()));
        context.start();
        failureEvents = new FailureEventPublisher(context.createProducerTemplate(), config.gatewayId());
        camel = context;
        LOG.info("gateway {} linked to relay {}, serving {}", config.gatewayId(), endpoint, requestAddress);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetVault")
    void setVault(CredentialVault credentialVault) {
        vault = credentialVault;
    }

    void unsetVault(CredentialVault credentialVault) {
        if (vault == credentialVault) {
            vault = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDefinitions")
    void setDefinitions(GatewayDefinitions gatewayDefinitions) {
        definitions = gatewayDefinitions;
    }

    void unsetDefinitions(GatewayDefinitions gatewayDefinitions) {
        if (definitions == gatewayDefinitions) {
            definitions = null;
        }
    }

    private String publicKey() {
        CredentialVault current = vault;
        return current == null ? null : current.publicKey();
    }

    private static ObservedConnectionFactory connectionFactory(RelayEndpoint endpoint) {
        JmsConnectionFactory qpid = new JmsConnectionFactory(endpoint.user(), endpoint.password(),
                endpoint.connectionUri());
        ObservedConnectionFactory caching = new ObservedConnectionFactory(qpid);
        // one physical connection shared by all routes; sessions and producers are reused across result messages
        caching.setSessionCacheSize(16);
        return caching;
    }

    /** Scheme, host and port only: the owner needs to see where the relay is, not the client's tuning options. */
    private static String addressOf(RelayEndpoint endpoint) {
        return (endpoint.isTls() ? "amqps://" : "amqp://") + endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public String gatewayId() {
        return gatewayId;
    }

    @Override
    public String relayAddress() {
        return relayAddress;
    }

    @Override
    public boolean connected() {
        return connections.isConnected();
    }

    @Override
    public Optional<Instant> lastHeartbeat() {
        return lastHeartbeat.time();
    }

    @Override
    public String version() {
        return version;
    }

    /** Publishes failed refreshes on the relay; registered as a {@link RefreshFailureListener} in OSGi. */
    RefreshFailureListener failureEvents() {
        return failureEvents;
    }

    @Deactivate
    void deactivate() {
        if (deliveryRegistration != null) {
            deliveryRegistration.unregister();
        }
        if (failureEventsRegistration != null) {
            failureEventsRegistration.unregister();
        }
        if (statusRegistration != null) {
            statusRegistration.unregister();
        }
        try {
            camel.stop();
        } finally {
            connections.destroy();
        }
    }
}
