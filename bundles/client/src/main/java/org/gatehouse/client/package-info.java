/**
 * The service-side SDK of Gatehouse: {@link org.gatehouse.client.GatehouseClient} sends refresh requests to a gateway
 * over the AMQP 1.0 relay, receives the streamed result and verifies it with the protocol's
 * {@link org.gatehouse.protocol.ResultStreamReader}; {@link org.gatehouse.client.CsvResultWriter} and
 * {@link org.gatehouse.client.JsonLinesResultWriter} turn a verified result into files.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gatehouse.client;
