package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The gatehouse-camel bundle seen from another bundle (this probe): a plain DefaultCamelContext, no OSGi-specific
 * Camel API, must find the components the gateway uses and show its routes over JMX.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CamelRuntimeIT extends GatehouseTestSupport {

    private static final List<String> GATEWAY_COMPONENTS =
            List.of("direct", "seda", "timer", "bean", "log", "file", "amqp", "jms", "quartz", "jdbc", "sql", "http");

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions();
    }

    @Test
    public void plainCamelContextFindsTheGatewayComponents() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String name : GATEWAY_COMPONENTS) {
                assertNotNull("component " + name + " not found", camel.getComponent(name));
            }
            assertNotNull("csv data format not found", camel.resolveDataFormat("csv"));
            assertNotNull("jackson data format not found", camel.resolveDataFormat("jackson"));
        }
    }

    @Test
    public void quartzAndSqlRoutesRun() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:camel-itest;DB_CLOSE_DELAY=-1");
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("itestDb", h2);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // Quartz inside OSGi is where class loading usually breaks (job factory, thread pool by name)
                    from("quartz://itest/once?trigger.repeatCount=0&trigger.repeatInterval=1")
                            .routeId("itest-quartz")
                            .to("sql:select 40 + 2 as answer?dataSource=#itestDb&outputType=SelectOne")
                            .to("seda:answers");
                }
            });
            camel.start();

            Object answer = camel.createConsumerTemplate().receiveBody("seda:answers", 30_000);
            assertNotNull("the Quartz-triggered SQL route produced nothing", answer);
            assertEquals(42, ((Number) answer).intValue());
        }
    }

    @Test
    public void routesRunAndAreVisibleOverJmx() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().setName("itest-camel");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:greet").routeId("itest-greet").setBody(simple("hello ${body}"));
                }
            });
            camel.start();

            assertEquals("hello gateway", camel.createProducerTemplate().requestBody("direct:greet", "gateway"));
            ObjectName routes = new ObjectName("org.apache.camel:context=itest-camel,type=routes,*");
            assertFalse("route MBeans not registered",
                    ManagementFactory.getPlatformMBeanServer().queryNames(routes, null).isEmpty());
        }
    }
}
