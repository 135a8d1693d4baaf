package org.gatehouse.core.impl.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.gateway.RefreshHistory;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jdbc.DataSourceFactory;

/** The store's lifecycle as its driver comes and goes, with the OSGi pieces played by small stand-ins. */
public class StoreComponentTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final StoreComponent component = new StoreComponent();
    /** The service types registered right now. */
    private final List<String> registered = new ArrayList<>();
    private final DataSourceFactory h2 = factory(new org.h2.Driver());
    private final DataSourceFactory postgres = factory(new org.postgresql.Driver());

    @After
    public void deactivate() {
        component.deactivate();
    }

    @Test
    public void theStoreOpensWhenADriverForItsUrlArrivesAndClosesWhenItLeaves() throws Exception {
        component.addDataSourceFactory(postgres);
        component.activate(context(), config("jdbc:h2:" + folder.getRoot() + "/store"));
        assertEquals("no driver for the URL yet", List.of(), registered);

        component.addDataSourceFactory(h2);
        assertEquals(List.of(RefreshHistory.class.getName(), HistoryRecorder.class.getName(),
                NotificationStore.class.getName(), DefinitionStore.class.getName(), ScheduleStore.class.getName(),
                javax.sql.DataSource.class.getName()), registered);

        component.removeDataSourceFactory(postgres);
        assertEquals("another driver leaving changes nothing", 6, registered.size());
        component.removeDataSourceFactory(h2);
        assertEquals(List.of(), registered);
        component.addDataSourceFactory(h2);
        assertEquals(6, registered.size());

        component.deactivate();
        assertEquals(List.of(), registered);
    }

    @Test
    public void aStoreThatCannotBeOpenedFailsActivationNamingItsFile() throws Exception {
        Path file = folder.getRoot().toPath().resolve("store.mv.db");
        Files.writeString(file, "garbage ".repeat(1000));
        component.addDataSourceFactory(h2);
        StoreException failure = assertThrows(StoreException.class,
                () -> component.activate(context(), config("jdbc:h2:" + folder.getRoot() + "/store")));
        assertTrue(failure.getMessage(), failure.getMessage().contains(file.toString()));
        assertEquals(List.of(), registered);
    }

    private static DataSourceFactory factory(Driver driver) {
        return (DataSourceFactory) Proxy.newProxyInstance(StoreComponentTest.class.getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createDriver" -> driver;
                    case "toString" -> "factory of " + driver.getClass().getName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Registers services into {@link #registered}; nothing else is used. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    registered.add(type.getName());
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (registration, call, none) -> {
                                if (!call.getName().equals("unregister")) {
                                    throw new UnsupportedOperationException(call.getName());
                                }
                                registered.remove(type.getName());
                                return null;
                            });
                });
    }

    private static StoreConfig config(String url) {
        return new StoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public int retentionDays() {
                return 60;
            }

            @Override
            public int maxEntriesPerDataset() {
                return 1000;
            }
        };
    }
}
