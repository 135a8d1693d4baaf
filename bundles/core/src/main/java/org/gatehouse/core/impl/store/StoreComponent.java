package org.gatehouse.core.impl.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.core.impl.vault.CredentialStore;
import org.gatehouse.core.impl.vault.MachineKey;
import org.gatehouse.core.impl.vault.StoredVault;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the gateway store ({@code org.gatehouse.store}) once a JDBC driver that takes its URL is installed, and
 * offers it as the {@link RefreshHistory} service and the core's {@link HistoryRecorder} while it is open.
 * <p>
 * The driver arrives as a {@link DataSourceFactory} service, so the store waits for it rather than failing when the
 * driver bundle starts after this one; the services are registered by hand for the same reason: they exist exactly
 * while the store is open. A store that cannot be opened fails this component's activation with the store's
 * {@link StoreException} (or, when its driver arrives later, logs it as an error): the gateway keeps serving
 * refreshes, unrecorded, and the store is never reset behind the owner's back.
 */
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = StoreConfig.class)
public class StoreComponent {

    static final String PID = "org.gatehouse.store";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private final StoreDrivers drivers = new StoreDrivers();
    private BundleContext context;
    /** Null while not activated. */
    private StoreSettings settings;
    /** Null while the store is not open. */
    private Opened opened;

    private record Opened(GatewayStore store, DataSourceFactory driverFactory,
                          List<ServiceRegistration<?>> registrations) {
    }

    @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeDataSourceFactory")
    synchronized void addDataSourceFactory(DataSourceFactory factory) {
        try {
            drivers.add(factory);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("a JDBC driver could not be created from {}; the gateway store will not use it", factory, e);
            return;
        }
        if (settings != null && opened == null) {
            Optional<StoreDrivers.Offered> driver = drivers.forUrl(settings.url());
            if (driver.isPresent()) {
                try {
                    open(driver.get(), settings);
                } catch (StoreException e) {
                    LOG.error(e.getMessage());
                }
            }
        }
    }

    synchronized void removeDataSourceFactory(DataSourceFactory factory) {
        drivers.remove(factory);
        if (opened != null && opened.driverFactory() == factory) {
            LOG.warn("the JDBC driver of the gateway store ({}) went away; the store is closed until it is back",
                    settings.description());
            close();
        }
    }

    @Activate
    synchronized void activate(BundleContext context, StoreConfig config) throws StoreException {
        this.context = context;
        StoreSettings configured = StoreSettings.from(config);
        Optional<StoreDrivers.Offered> driver = drivers.forUrl(configured.url());
        if (driver.isEmpty()) {
            LOG.info("the gateway store ({}) waits for a JDBC driver that takes its URL", configured.description());
        } else {
            try {
                open(driver.get(), configured);
            } catch (StoreException e) {
                LOG.error(e.getMessage());
                throw e;
            }
        }
        settings = configured;
    }

    @Deactivate
    synchronized void deactivate() {
        close();
        settings = null;
    }

    private void open(StoreDrivers.Offered driver, StoreSettings with) throws StoreException {
        GatewayStore store = GatewayStore.open(driver.driver(), with, Clock.systemUTC());
        List<ServiceRegistration<?>> registrations = new ArrayList<>(List.of(
                context.registerService(RefreshHistory.class, store.history(), null),
                context.registerService(HistoryRecorder.class, store.recorder(), null),
                context.registerService(NotificationStore.class, store.notifications(), null),
                context.registerService(DefinitionStore.class, store.definitions(), null),
                context.registerService(ScheduleStore.class, store.schedules(), null),
                context.registerService(DataSource.class, store.dataSource(),
                        FrameworkUtil.asDictionary(Map.of(StoreDataSource.STORE_PROPERTY, true)))));
        try {
            StoredVault vault = StoredVault.open(store.connection(), new MachineKey(machineKeyFile()),
                    Clock.systemUTC());
            registrations.add(context.registerService(new String[] {CredentialVault.class.getName(),
                CredentialStore.class.getName(), StoredVault.class.getName()}, vault, null));
        } catch (SQLException | RuntimeException e) {
            // history still works; signed-in data sources fail to refresh, saying the vault is not open
            LOG.error("the credential vault in the gateway store ({}) cannot be opened: {}", with.description(),
                    e.getMessage());
        }
        opened = new Opened(store, driver.factory(), registrations);
    }

    /** This machine's key lives in the data directory, next to (but not inside) the store. */
    private static Path machineKeyFile() {
        String data = System.getProperty("karaf.data");
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("the system property karaf.data (the gateway's data directory) is not set");
        }
        return Path.of(data, "gatehouse", "vault", "machine.key");
    }

    private void close() {
        if (opened == null) {
            return;
        }
        opened.registrations().forEach(ServiceRegistration::unregister);
        opened.store().close();
        opened = null;
    }
}
