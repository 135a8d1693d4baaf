package org.gatehouse.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Rule;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Boots the built distribution for a test class. A test class runs with
 * {@code @RunWith(PaxExam.class) @ExamReactorStrategy(PerClass.class)} and returns {@link #gatehouseOptions} (plus
 * its own options) from its {@code @Configuration} method.
 *
 * <p>The configuration method runs in the Maven JVM, the test methods inside Karaf: values the tests need (the relay
 * port) travel as system properties, read back with the accessors below.
 */
public abstract class GatehouseTestSupport {

    /** Karaf's launch flags for Java 9+ (as bin/karaf passes them); without them the OsgiLocator lookups fail. */
    private static String[] java17LaunchFlags() {
        String karafVersion = requiredProperty("gatehouse.itests.karaf.version");
        return new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
        };
    }

    static final String RELAY_PORT_PROPERTY = "gatehouse.itests.relay.port";
    static final String TARGET_DIRECTORY_PROPERTY = "gatehouse.itests.target";

    @Inject
    protected BundleContext bundleContext;

    /** Inside the container: copies karaf.log next to the test reports when a test fails (the runtime is deleted). */
    @Rule
    public final KarafLogOnFailure keepLogOnFailure = new KarafLogOnFailure();

    /**
     * The distribution with every listening port moved to a free loopback port, the embedded relay and the gateway's
     * relay link pointed at the same port, and {@code extra} appended.
     */
    protected static Option[] gatehouseOptions(Option... extra) {
        int relayPort = freePort();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distributionUrl())
                        .name("Gatehouse")
                        .unpackDirectory(new File(targetDirectory(), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.gatehouse.name", "org.gatehouse"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.gatehouse.level", "INFO"),
                vmOptions(java17LaunchFlags()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", port(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", port(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", port(freePort())),
                editConfigurationFilePut("etc/org.gatehouse.relay.embedded.cfg", "port", port(relayPort)),
                editConfigurationFilePut("etc/org.gatehouse.relay.cfg", "url", "amqp://127.0.0.1:" + relayPort),
                // Pax Exam looks up its own injector for the probe with a 10 s default: on a loaded two-core
                // machine the boot features can take longer than that, and the class then fails after 180 s per test
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("120000"),
                // and the extender that turns the probe bundle into tests waits only 10 s for the invoker factory
                // (its own timeout): when the boot features took longer, the probe never became tests and the class
                // failed after 180 s with "gave up waiting for service ProbeInvoker" (seen on a loaded machine)
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                // the third such wait, 10 s by default too: the JUnit invoker factory waiting for the injector
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value("120000"),
                systemProperty(RELAY_PORT_PROPERTY).value(port(relayPort)),
                systemProperty(TARGET_DIRECTORY_PROPERTY).value(targetDirectory().getAbsolutePath())));
        if (Boolean.getBoolean("gatehouse.itests.keep")) {
            // for debugging only (-Dgatehouse.itests.keep=true): leave target/exam/<uuid> behind
            options.add(keepRuntimeFolder());
        }
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** Defines a data source as the owner's configuration does (factory PID org.gatehouse.datasource). */
    protected static void defineDataSource(ConfigurationAdmin configurationAdmin, String id,
            Map<String, String> properties) throws IOException {
        Dictionary<String, Object> config = new Hashtable<>(properties);
        config.put("id", id);
        configurationAdmin.createFactoryConfiguration("org.gatehouse.datasource", "?").update(config);
    }

    /** Defines a dataset as the owner's configuration does (factory PID org.gatehouse.dataset). */
    protected static void defineDataset(ConfigurationAdmin configurationAdmin, String name,
            Map<String, String> properties) throws IOException {
        Dictionary<String, Object> config = new Hashtable<>(properties);
        config.put("name", name);
        configurationAdmin.createFactoryConfiguration("org.gatehouse.dataset", "?").update(config);
    }

    /** Inside the container: the port the embedded relay listens on. */
    protected static int relayPort() {
        return Integer.getInteger(RELAY_PORT_PROPERTY);
    }

    /** Inside the container: the AMQP URL of the embedded relay. */
    protected static String relayUrl() {
        return "amqp://127.0.0.1:" + relayPort();
    }

    private static String distributionUrl() {
        File distribution = new File(requiredProperty("gatehouse.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException(distribution + " does not exist: build karaf-assembly first");
        }
        try {
            return distribution.toURI().toURL().toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (the tests run through Maven)");
        }
        return value;
    }

    private static File targetDirectory() {
        return new File(System.getProperty(TARGET_DIRECTORY_PROPERTY, "target"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String port(int port) {
        return Integer.toString(port);
    }
}
