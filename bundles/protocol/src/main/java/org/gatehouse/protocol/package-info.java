/**
 * Gatehouse wire protocol v1 (see docs/protocol.md): request, result stream and heartbeat messages as
 * transport-neutral {@link org.gatehouse.protocol.Frame}s, their binary row encoding, and relay connection settings.
 * Plain Java so that the gateway's relay routes and the service-side client share one implementation.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gatehouse.protocol;
