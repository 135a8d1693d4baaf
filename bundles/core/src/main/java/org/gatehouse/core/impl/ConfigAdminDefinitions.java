package org.gatehouse.core.impl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.core.impl.store.DefinitionStore;
import org.gatehouse.core.impl.vault.CredentialStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The gateway's data sources and datasets and the owner's (and the service's) operations on them. New definitions
 * go into the gateway store ({@link StoredDefinitions}), which a clustered set-up shares; definitions provisioned as
 * the factory configurations {@code org.gatehouse.datasource} / {@code org.gatehouse.dataset} in etc/ (read by
 * {@link DataSourceConfig} and {@link DatasetConfig}, like the demo's) are served alike and changed in their files.
 * While the store is not open, new definitions are written to etc/ instead, so nothing the owner adds is lost.
 * <p>
 * What is defined is what the {@link DefinitionRegistry} holds: a change returns once the registry shows it, so a
 * refresh right after it sees it. Changes are made one at a time, so two owners cannot both add the same id.
 */
@Component(service = GatewayDefinitions.class)
public class ConfigAdminDefinitions implements GatewayDefinitions {

    static final String DATA_SOURCE_PID = "org.gatehouse.datasource";
    static final String DATASET_PID = "org.gatehouse.dataset";

    private final DefinitionRegistry registry;
    private final ConnectorRegistry connectors;
    private final FactoryConfigurations dataSourceConfigurations;
    private final FactoryConfigurations datasetConfigurations;
    private final RegistryWait registryWait;
    private volatile CredentialStore vault;
    private volatile StoredDefinitions stored;
    /**
     * The schedules, looked up when a dataset is removed rather than referenced: the schedule service needs this
     * one, so a reference back would be a cycle DS cannot activate.
     */
    private volatile Predicate<String> scheduled = name -> false;

    @Activate
    public ConfigAdminDefinitions(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
                                  @Reference DefinitionRegistry registry, @Reference ConnectorRegistry connectors) {
        this(configurationAdmin, registry, connectors, karafEtc(), RegistryWait.DEFAULT_TIMEOUT);
        scheduled = name -> {
            ServiceReference<Schedules> reference = context.getServiceReference(Schedules.class);
            Schedules schedules = reference == null ? null : context.getService(reference);
            if (schedules == null) {
                return false;
            }
            try {
                return schedules.get(name).isPresent();
            } finally {
                context.ungetService(reference);
            }
        };
    }

    /** @param etc where new definitions get their files, or null for none */
    ConfigAdminDefinitions(ConfigurationAdmin configurationAdmin, DefinitionRegistry registry,
                           ConnectorRegistry connectors, Path etc, Duration registryTimeout) {
        this.registry = registry;
        this.connectors = connectors;
        this.dataSourceConfigurations = new FactoryConfigurations(configurationAdmin, DATA_SOURCE_PID, "id", etc);
        this.datasetConfigurations = new FactoryConfigurations(configurationAdmin, DATASET_PID, "name", etc);
        this.registryWait = new RegistryWait(registryTimeout);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetVault")
    void setVault(CredentialStore store) {
        vault = store;
    }

    void unsetVault(CredentialStore store) {
        if (vault == store) {
            vault = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetStored")
    void setStored(StoredDefinitions definitions) {
        stored = definitions;
    }

    void unsetStored(StoredDefinitions definitions) {
        if (stored == definitions) {
            stored = null;
        }
    }

    /** Outside OSGi (tests): where the schedules are. */
    void setSchedules(Schedules datasetSchedules) {
        scheduled = name -> datasetSchedules.get(name).isPresent();
    }

    /** Canonical, as FileInstall names the files it watches. */
    private static Path karafEtc() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            return null;
        }
        try {
            return new File(etc).getCanonicalFile().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("karaf.etc " + etc + " cannot be resolved", e);
        }
    }

    @Override
    public List<DataSourceInfo> dataSources() {
        return registry.dataSources().stream().map(this::info).toList();
    }

    @Override
    public Optional<DataSourceInfo> dataSource(String id) {
        return registry.dataSource(id).map(this::info);
    }

    @Override
    public List<DatasetInfo> datasets() {
        return registry.datasets().stream().map(ConfigAdminDefinitions::info).toList();
    }

    @Override
    public Optional<DatasetInfo> dataset(String name) {
        return registry.dataset(name).map(ConfigAdminDefinitions::info);
    }

    @Override
    public synchronized void addDataSource(String id, String kind, Map<String, String> settings) {
        DefinitionRules.requireName(id, "data source id");
        String lowerKind = DefinitionRules.requireKind(kind);
        DefinitionRules.requireSettings(id, settings);
        if (registry.dataSource(id).isPresent() || !configurations(dataSourceConfigurations, id).isEmpty()) {
            throw new IllegalArgumentException("data source " + id + " exists already");
        }
        StoredDefinitions store = stored;
        if (store != null) {
            // signed in anonymously through the vault until someone signs it in
            requireVault().save(id, Credentials.anonymous());
            store.addDataSource(new DefinitionStore.StoredDataSource(id, lowerKind, settings));
        } else {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("id", id);
            properties.put("kind", lowerKind);
            properties.put(SignIn.AUTH, "anonymous");
            properties.putAll(settings);
            save(() -> dataSourceConfigurations.create(id, "data source " + id + ", added by the gateway owner",
                    properties));
        }
        registryWait.until(() -> registry.dataSource(id).isPresent(), "data source " + id + " was added");
    }

    @Override
    public synchronized void signIn(String dataSourceId, Credentials credentials) {
        DataSourceDefinition current = registry.dataSource(dataSourceId).orElseThrow(() -> noDataSource(dataSourceId));
        Connector connector = connectors.find(current.kind()).orElseThrow(() -> new IllegalArgumentException(
                "data source " + dataSourceId + " (kind " + current.kind() + ") cannot be signed in: connector "
                        + current.kind() + " is not installed"));
        SignIn.requireSupported(current, connector.supportedAuthentication(), credentials);
        if (credentials.expiredAt(Instant.now())) {
            throw new IllegalArgumentException("data source " + dataSourceId + ": these credentials expired at "
                    + credentials.expiresAt().orElseThrow() + "; sign in with current ones");
        }
        CredentialStore store = requireVault();
        StoredDefinitions definitions = stored;
        if (definitions != null && definitions.holdsDataSource(dataSourceId)) {
            store.save(dataSourceId, credentials); // its definition reads its credentials from the vault already
            return;
        }
        Configuration configuration = configurations(dataSourceConfigurations, dataSourceId).stream().findFirst()
                .orElseThrow(() -> noDataSource(dataSourceId));
        store.save(dataSourceId, credentials);
        Map<String, String> before = ConfigProperties.ownProperties(ConfigProperties.asMap(
                configuration.getProperties()));
        Map<String, String> properties = SignIn.signedInThroughVault(before);
        if (properties.equals(before)) {
            return; // the configuration points at the vault already, where the new credentials now are
        }
        save(() -> dataSourceConfigurations.replace(configuration, properties));
        // the registry holds a new definition once the data source's component has been given the change
        registryWait.until(() -> registry.dataSource(dataSourceId).filter(d -> d != current).isPresent(),
                "data source " + dataSourceId + " was signed in");
    }

    private CredentialStore requireVault() {
        CredentialStore store = vault;
        if (store == null) {
            throw new IllegalStateException("the credential vault is not open (the gateway store is not open; see "
                    + "the gateway's log), so nothing can be signed in now");
        }
        return store;
    }

    @Override
    public synchronized void removeDataSource(String id) {
        List<String> users = registry.datasets().stream()
                .filter(d -> d.queries().stream().anyMatch(q -> q.dataSourceId().equals(id)))
                .map(DatasetDefinition::name).toList();
        if (!users.isEmpty()) {
            throw new IllegalArgumentException("data source " + id + " is used by dataset"
                    + (users.size() == 1 ? " " : "s ") + String.join(", ", users) + "; remove "
                    + (users.size() == 1 ? "it" : "them") + " first");
        }
        StoredDefinitions definitions = stored;
        if (definitions != null && definitions.holdsDataSource(id)) {
            definitions.removeDataSource(id);
        } else {
            List<Configuration> found = configurations(dataSourceConfigurations, id);
            if (found.isEmpty()) {
                throw noDataSource(id);
            }
            save(() -> {
                for (Configuration configuration : found) {
                    dataSourceConfigurations.delete(configuration);
                }
            });
        }
        CredentialStore store = vault;
        if (store != null) {
            store.remove(id);
        }
        registryWait.until(() -> registry.dataSource(id).isEmpty(), "data source " + id + " was removed");
    }

    @Override
    public synchronized void addDataset(DatasetInfo dataset) {
        String name = dataset.name();
        DefinitionRules.requireName(name, "dataset name");
        Map<String, String> properties = datasetProperties(dataset);
        if (registry.dataset(name).isPresent() || !configurations(datasetConfigurations, name).isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " exists already");
        }
        StoredDefinitions store = stored;
        if (store != null) {
            store.addDataset(dataset);
        } else {
            save(() -> datasetConfigurations.create(name, "dataset " + name + ", added by the gateway owner",
                    properties));
        }
        registryWait.until(() -> registry.dataset(name).isPresent(), "dataset " + name + " was added");
    }

    @Override
    public synchronized void removeDataset(String name) {
        if (scheduled.test(name)) {
            // like a data source a dataset uses: the owner decides about the schedule, it is not dropped silently
            throw new IllegalArgumentException("dataset " + name + " is scheduled; clear its schedule first "
                    + "(gateway:schedule-clear " + name + ")");
        }
        StoredDefinitions store = stored;
        if (store != null && store.holdsDataset(name)) {
            store.removeDataset(name);
            registryWait.until(() -> registry.dataset(name).isEmpty(), "dataset " + name + " was removed");
            return;
        }
        List<Configuration> found = configurations(datasetConfigurations, name);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no dataset " + name + " is defined");
        }
        save(() -> {
            for (Configuration configuration : found) {
                datasetConfigurations.delete(configuration);
            }
        });
        registryWait.until(() -> registry.dataset(name).isEmpty(), "dataset " + name + " was removed");
    }

    @Override
    public void testDataSource(String id) throws ConnectorException {
        DataSourceDefinition source = registry.dataSource(id).orElseThrow(() -> noDataSource(id));
        Connector connector = connectors.find(source.kind()).orElseThrow(() -> new IllegalArgumentException(
                "data source " + id + " cannot be tested: connector " + source.kind() + " is not installed"));
        try {
            connector.test(source.settings(), SignedInCredentials.of(source, vault, Instant.now()));
        } catch (SignedInCredentials.CredentialsUnusable e) {
            throw new ConnectorException(e.expired() ? ConnectorException.Reason.AUTHENTICATION_FAILED
                    : ConnectorException.Reason.INVALID_SETTINGS, e.getMessage());
        }
    }

    /** A dataset as {@link DatasetConfig} reads it, after checking its queries and their data sources. */
    private Map<String, String> datasetProperties(DatasetInfo dataset) {
        String name = dataset.name();
        if (dataset.queries() == null || dataset.queries().isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " needs at least one query");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("name", name);
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DatasetInfo.QueryInfo query : dataset.queries()) {
            DefinitionRules.requireQueryName(name, query.name());
            if (!seen.add(query.name())) {
                throw new IllegalArgumentException("dataset " + name + " has two queries named " + query.name());
            }
            if (registry.dataSource(query.dataSourceId()).isEmpty()) {
                throw new IllegalArgumentException("dataset " + name + ": query " + query.name()
                        + " uses data source '" + query.dataSourceId() + "', which is not defined");
            }
            DefinitionRules.requireText(query.text(), "dataset " + name + ": the text of query " + query.name());
            order.add(query.name());
            properties.put("query." + query.name() + ".datasource", query.dataSourceId());
            properties.put("query." + query.name() + ".text", query.text());
        }
        properties.put("queries", String.join(", ", order));
        if (dataset.destination() != null) {
            DefinitionRules.requireDestination(name, dataset.destination());
            properties.put("destination", dataset.destination());
        }
        return properties;
    }

    private DataSourceInfo info(DataSourceDefinition source) {
        // settings never hold the secret: DataSourceConfig keeps sign-in apart from them
        CredentialStore store = vault;
        if (source.signedInThroughVault() && store != null) {
            try {
                Optional<CredentialStore.SignInInfo> signIn = store.signIn(source.id());
                if (signIn.isPresent()) {
                    return new DataSourceInfo(source.id(), source.kind(), source.settings().properties(),
                            signIn.get().type(), signIn.get().user(), signIn.get().expiresAt());
                }
            } catch (IllegalStateException unreadable) {
                // shown as not signed in; a refresh says why
            }
        }
        return new DataSourceInfo(source.id(), source.kind(), source.settings().properties(),
                source.credentials().type(), source.credentials().user().orElse(null),
                source.credentials().expiresAt().orElse(null));
    }

    private static DatasetInfo info(DatasetDefinition dataset) {
        return new DatasetInfo(dataset.name(), dataset.queries().stream()
                .map(q -> new DatasetInfo.QueryInfo(q.query().name(), q.dataSourceId(), q.query().text()))
                .toList(), dataset.destination());
    }

    private static IllegalArgumentException noDataSource(String id) {
        return new IllegalArgumentException("no data source " + id + " is defined");
    }

    private static List<Configuration> configurations(FactoryConfigurations configurations, String name) {
        try {
            return configurations.find(name);
        } catch (IOException e) {
            throw new IllegalStateException("the gateway's configurations cannot be read: " + e.getMessage(), e);
        }
    }

    private interface Change {
        void run() throws IOException;
    }

    private static void save(Change change) {
        try {
            change.run();
        } catch (IOException e) {
            throw new IllegalStateException("the change could not be saved: " + e.getMessage(), e);
        }
    }
}
