package org.gatehouse.core.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * ConfigurationAdmin in memory, for unit tests: named factory configurations, filters, update and delete. Each
 * change is handed to a listener, which plays Declarative Services (creating or dropping the definition a
 * component would register).
 */
final class InMemoryConfigurationAdmin implements ConfigurationAdmin {

    private final Map<String, InMemoryConfiguration> configurations = new LinkedHashMap<>();
    /** Called with the configuration and its properties after a change, null properties after a delete. */
    private final BiConsumer<InMemoryConfiguration, Dictionary<String, Object>> changes;

    InMemoryConfigurationAdmin(BiConsumer<InMemoryConfiguration, Dictionary<String, Object>> changes) {
        this.changes = changes;
    }

    List<InMemoryConfiguration> all() {
        return new ArrayList<>(configurations.values());
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name,
                pid -> new InMemoryConfiguration(pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return getFactoryConfiguration(factoryPid, "generated-" + configurations.size());
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        return createFactoryConfiguration(factoryPid);
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new InMemoryConfiguration(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        Configuration[] found = configurations.values().stream()
                .filter(c -> c.properties != null && (parsed == null || parsed.match(c.properties)))
                .toArray(Configuration[]::new);
        return found.length == 0 ? null : found;
    }

    /** One configuration; its properties include service.pid and service.factoryPid, as ConfigAdmin's do. */
    final class InMemoryConfiguration implements Configuration {
        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> properties;
        private long changeCount;

        InMemoryConfiguration(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> update) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (String key : Collections.list(update.keys())) {
                copy.put(key, update.get(key));
            }
            copy.put(Constants.SERVICE_PID, pid);
            if (factoryPid != null) {
                copy.put(ConfigurationAdmin.SERVICE_FACTORYPID, factoryPid);
            }
            properties = copy;
            changeCount++;
            changes.accept(this, getProperties());
        }

        @Override
        public void delete() {
            configurations.remove(pid);
            properties = null;
            changes.accept(this, null);
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return changeCount;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException();
        }
    }
}
