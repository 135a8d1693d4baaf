/**
 * The connector SPI: what a data-source kind implements to let the gateway read from it.
 * A connector is an OSGi service of type {@link org.gatehouse.api.Connector}; the gateway core tracks them
 * dynamically, so connectors can be installed and removed while the gateway runs.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.gatehouse.api;
