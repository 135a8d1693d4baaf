package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;

import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.core.impl.jmx.GatewayMBeans;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The gateway's MBeans on an MBean server of their own, over a real engine and an embedded store. */
public class GatewayMBeansTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final RefreshEngine engine = new RefreshEngine(definitions, connectors);
    private final CountingConnector counting = new CountingConnector();
    private GatewayStore store;
    private GatewayMBeans mbeans;

    @Before
    public void start() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 30, 1000), Clock.systemUTC());
        engine.setHistory(store.recorder());
        definitions.addDataSource(DataSourceConfig.parse(Map.of("id", "numbers", "kind", "count",
                "user", "reader", "password", "s3cret-pw", "service.pid", "x")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "two", "queries", "small",
                "query.small.datasource", "numbers", "query.small.text", "3")));
        connectors.add(counting, "1.2.0");
        GatewayDefinitions tests = (GatewayDefinitions) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GatewayDefinitions.class}, (proxy, method, args) -> {
                    if (method.getName().equals("testDataSource")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        mbeans = new GatewayMBeans(server, engine, connectors, tests, "0.9.0");
        mbeans.setHistory(store.history());
    }

    @After
    public void stop() {
        mbeans.deactivate();
        store.close();
    }

    @Test
    public void theGatewayItsDatasetsAndConnectorsAreMBeansWithLiveAttributes() throws Exception {
        ObjectName gateway = GatewayMBeans.gatewayName();
        assertEquals("0.9.0", server.getAttribute(gateway, "Version"));
        assertEquals(false, server.getAttribute(gateway, "Online"));
        assertEquals(0, server.getAttribute(gateway, "ActiveRefreshes"));

        ObjectName dataset = GatewayMBeans.datasetName("two");
        assertEquals("", server.getAttribute(dataset, "LastStatus"));
        engine.refresh(RefreshRequest.wholeDataset("two", "test"), new RecordingSink());
        store.awaitWrites(java.time.Duration.ofSeconds(10));
        assertEquals("SUCCEEDED", server.getAttribute(dataset, "LastStatus"));
        assertEquals(3L, server.getAttribute(dataset, "LastRows"));
        assertEquals("", server.getAttribute(dataset, "NextScheduledTime"));

        ObjectName connector = GatewayMBeans.connectorName("count");
        assertEquals("1.2.0", server.getAttribute(connector, "Version"));
        assertEquals(0, server.getAttribute(connector, "ActiveRefreshes"));
    }

    @Test
    public void operationsRefreshAndTestAndRefuseUnknownDatasets() throws Exception {
        ObjectName gateway = GatewayMBeans.gatewayName();
        String started = (String) server.invoke(gateway, "refreshNow", new Object[] {"two"},
                new String[] {String.class.getName()});
        assertTrue(started, started.startsWith("refresh of two started"));
        RuntimeMBeanException unknown = assertThrows(RuntimeMBeanException.class, () -> server.invoke(gateway,
                "refreshNow", new Object[] {"nope"}, new String[] {String.class.getName()}));
        assertTrue(unknown.getCause().getMessage().contains("'nope' is not defined"));
        assertEquals("data source numbers: reachable, sign-in accepted", server.invoke(gateway, "testDataSource",
                new Object[] {"numbers"}, new String[] {String.class.getName()}));
        assertThrows(javax.management.AttributeNotFoundException.class,
                () -> server.setAttribute(gateway, new Attribute("Version", "x")));
    }

    @Test
    public void mbeansFollowDatasetsAndConnectorsAndNoAttributeHoldsASecret() throws Exception {
        connectors.removeConnector(counting);
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "three", "queries", "q",
                "query.q.datasource", "numbers", "query.q.text", "3")));
        mbeans.follow();
        assertFalse(server.isRegistered(GatewayMBeans.connectorName("count")));
        assertTrue(server.isRegistered(GatewayMBeans.datasetName("three")));

        for (ObjectName name : server.queryNames(new ObjectName(GatewayMBeans.DOMAIN + ":*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value = server.getAttribute(name, attribute.getName());
                assertFalse(name + " " + attribute.getName(), String.valueOf(value).contains("s3cret-pw"));
            }
        }
    }
}
