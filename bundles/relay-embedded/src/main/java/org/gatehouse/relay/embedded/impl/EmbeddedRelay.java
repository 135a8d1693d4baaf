package org.gatehouse.relay.embedded.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The one-box relay: runs while this component is active. No @Modified on purpose: a configuration change
 * deactivates and reactivates, i.e. a clean broker restart on the new host/port/directory. Stopping the bundle stops
 * the broker, which is how tests produce a real relay outage.
 */
@Component(configurationPid = EmbeddedRelay.PID, immediate = true, service = {})
@Designate(ocd = EmbeddedRelayConfig.class)
public class EmbeddedRelay {

    static final String PID = "org.gatehouse.relay.embedded";

    private EmbeddedBroker broker;

    @Activate
    void activate(EmbeddedRelayConfig config) throws Exception {
        broker = EmbeddedBroker.start(RelaySettings.from(config));
    }

    @Deactivate
    void deactivate() throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
