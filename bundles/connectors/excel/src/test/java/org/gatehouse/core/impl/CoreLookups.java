package org.gatehouse.core.impl;

import java.util.List;
import java.util.Map;

import org.gatehouse.api.Connector;
import org.gatehouse.api.DataSourceLookup;

/**
 * The core's own data source lookup outside OSGi, for other modules' tests: data sources from configurations as in
 * {@code etc/org.gatehouse.datasource-*.cfg}, connectors as installed. (In the core's package: its registries are
 * package-private, filled by Declarative Services in the gateway.)
 */
public final class CoreLookups {

    private CoreLookups() {
    }

    public static DataSourceLookup of(List<Map<String, Object>> dataSourceConfigs, Connector... installed) {
        DefinitionRegistry definitions = new DefinitionRegistry();
        for (Map<String, Object> config : dataSourceConfigs) {
            definitions.addDataSource(DataSourceConfig.parse(config));
        }
        ConnectorRegistry connectors = new ConnectorRegistry();
        for (Connector connector : installed) {
            connectors.add(connector, "test");
        }
        return new GatewayDataSourceLookup(definitions, connectors);
    }
}
