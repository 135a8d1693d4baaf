package org.gatehouse.core.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gatehouse.api.Query;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * One dataset per factory configuration {@code org.gatehouse.dataset}:
 * <pre>
 * name = demo-sales
 * queries = sales, regions                 (the order results are sent in)
 * query.sales.datasource = demo
 * query.sales.text = SELECT * FROM sales
 * query.sales.&lt;option&gt; = ...             (passed to the connector)
 * destination = gatehouse.local.sales      (optional: where scheduled results go)
 * </pre>
 */
@Component(configurationPid = "org.gatehouse.dataset", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public class DatasetConfig {

    private ServiceRegistration<DatasetDefinition> registration;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) {
        registration = context.registerService(DatasetDefinition.class, parse(config), null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    static DatasetDefinition parse(Map<String, ?> config) {
        Map<String, String> properties = ConfigProperties.ownProperties(config);
        String name = ConfigProperties.require(properties, "name", "dataset configuration");
        String what = "dataset " + name;
        List<String> queryNames = Arrays.stream(ConfigProperties.require(properties, "queries", what).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<DatasetDefinition.DatasetQuery> queries = new ArrayList<>();
        for (String queryName : queryNames) {
            String prefix = "query." + queryName + ".";
            String dataSource = ConfigProperties.require(properties, prefix + "datasource", what);
            String text = ConfigProperties.require(properties, prefix + "text", what);
            Map<String, String> options = new TreeMap<>();
            properties.forEach((key, value) -> {
                // "destination" has no "query." prefix, so it never lands among a query's options
                if (key.startsWith(prefix) && !key.equals(prefix + "datasource") && !key.equals(prefix + "text")) {
                    options.put(key.substring(prefix.length()), value);
                }
            });
            queries.add(new DatasetDefinition.DatasetQuery(dataSource, new Query(queryName, text, options)));
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(what + " lists no queries");
        }
        String destination = properties.get("destination");
        return new DatasetDefinition(name, queries, destination == null || destination.isBlank() ? null
                : destination.trim());
    }
}
