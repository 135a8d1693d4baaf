package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The distribution as shipped boots completely: bundles, components, the embedded relay, the client feature. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BootIT extends GatehouseTestSupport {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    /** Registered by Karaf once every boot feature is installed; waiting for it makes the checks below meaningful. */
    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private ServiceComponentRuntime componentRuntime;

    @Inject
    private FeaturesService featuresService;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions();
    }

    @Test
    public void everyBundleIsActive() throws Exception {
        List<String> notActive = Eventually.problemsAfter(SETTLE_TIMEOUT, this::bundlesNotActive);
        assertTrue("bundles not active:\n  " + String.join("\n  ", notActive), notActive.isEmpty());
    }

    @Test
    public void everyGatehouseComponentIsSatisfied() throws Exception {
        assertTrue("no Gatehouse bundle found", gatehouseBundles().length > 0);
        List<String> unsatisfied = Eventually.problemsAfter(SETTLE_TIMEOUT, this::gatehouseComponentProblems);
        assertTrue("Gatehouse components not satisfied:\n  " + String.join("\n  ", unsatisfied), unsatisfied.isEmpty());
    }

    @Test
    public void embeddedRelayAcceptsAmqpConnections() throws Exception {
        assertRelayAnswers();
    }

    @Test
    public void stoppingTheRelayBundleIsAnOutageAndStartingItARestart() throws Exception {
        Bundle relay = bundle("org.gatehouse.relay.embedded");
        assertRelayAnswers();

        relay.stop();
        try {
            assertThrows("the embedded relay still accepted a connection after its bundle stopped",
                    JMSException.class, () -> openRelayConnection().close());
        } finally {
            relay.start();
        }
        List<String> down = Eventually.problemsAfter(SETTLE_TIMEOUT, () -> relayAnswers() ? List.of() : List.of("down"));
        assertTrue("the embedded relay did not come back after its bundle started again", down.isEmpty());
    }

    @Test
    public void clientFeatureInstallsFromTheSystemRepository() throws Exception {
        featuresService.installFeature("gatehouse-client");

        Bundle client = bundle("org.gatehouse.client");
        assertEquals("org.gatehouse.client state", Bundle.ACTIVE, client.getState());
    }

    private void assertRelayAnswers() throws JMSException {
        try (Connection connection = openRelayConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue queue = session.createTemporaryQueue();
            session.createProducer(queue).send(session.createTextMessage("hello relay"));

            Message received = session.createConsumer(queue).receive(10_000);
            assertNotNull("nothing came back through the embedded relay", received);
            assertEquals("hello relay", ((TextMessage) received).getText());
        }
    }

    private boolean relayAnswers() {
        try {
            assertRelayAnswers();
            return true;
        } catch (JMSException | AssertionError notYet) {
            return false;
        }
    }

    /** A plain connection without failover: an outage must show as a refused connection. */
    private static Connection openRelayConnection() throws JMSException {
        Connection connection = new JmsConnectionFactory(relayUrl()).createConnection();
        connection.start();
        return connection;
    }

    private Bundle bundle(String symbolicName) {
        Bundle found = Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst()
                .orElse(null);
        assertNotNull("no bundle " + symbolicName + " installed", found);
        return found;
    }

    private List<String> bundlesNotActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            // fragments never start; resolved is their final state
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getBundleId() + " " + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + ": " + stateName(bundle.getState()));
            }
        }
        return problems;
    }

    private List<String> gatehouseComponentProblems() {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : componentRuntime.getComponentDescriptionDTOs(gatehouseBundles())) {
            if (!componentRuntime.isComponentEnabled(description)) {
                continue;
            }
            var configurations = componentRuntime.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(description.name + ": no configuration instance");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state != ComponentConfigurationDTO.SATISFIED
                        && configuration.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(describe(description, configuration));
                }
            }
        }
        return problems;
    }

    private Bundle[] gatehouseBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.gatehouse."))
                .toArray(Bundle[]::new);
    }

    private static String describe(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        StringBuilder text = new StringBuilder(description.name).append(": ").append(componentStateName(configuration.state));
        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            text.append(", missing reference ").append(reference.name)
                    .append(reference.target == null ? "" : " " + reference.target);
        }
        if (configuration.failure != null) {
            text.append(", activation failed: ").append(configuration.failure.lines().findFirst().orElse(""));
        }
        return text.toString();
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED (not resolved)";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + state;
        }
    }

    private static String componentStateName(int state) {
        switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            default: return "state " + state;
        }
    }
}
