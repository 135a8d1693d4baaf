/**
 * The refresh model shared by the core (which runs refreshes) and its front doors (relay, shell, scheduler):
 * datasets, refresh requests, and the sink a refresh streams its tables into.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.gatehouse.api.refresh;
