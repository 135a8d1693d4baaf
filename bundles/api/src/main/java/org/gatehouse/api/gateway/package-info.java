/**
 * The gateway as its owner sees it: data source and dataset definitions, refresh history, relay status, failure
 * notifications. Implemented by the core and the relay bundle; used by the Karaf shell commands and (later) the JMX
 * MBeans.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.gatehouse.api.gateway;
