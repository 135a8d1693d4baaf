package org.gatehouse.api.refresh;

import java.util.List;

/** The connectors installed right now. Changes as connector bundles come and go. */
public interface ConnectorCatalog {

    List<ConnectorInfo> installedConnectors();
}
