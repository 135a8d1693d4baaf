package org.gatehouse.relay.embedded.impl;

import java.nio.file.Path;
import java.util.Objects;

/** What the broker needs to know, already validated; independent of OSGi so it can be built in plain tests. */
record RelaySettings(String host, int port, Path dataDirectory) {

    RelaySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
    }

    static RelaySettings from(EmbeddedRelayConfig config) {
        Path dataDirectory = Path.of(SystemPropertyPlaceholders.resolve(config.dataDirectory(), System::getProperty));
        return new RelaySettings(config.host().trim(), config.port(), dataDirectory.toAbsolutePath());
    }

    String url() {
        return "amqp://" + host + ":" + port;
    }
}
