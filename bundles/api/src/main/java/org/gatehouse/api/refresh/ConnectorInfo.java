package org.gatehouse.api.refresh;

/** An installed connector as the heartbeat and the shell list it: its kind and the version of its bundle. */
public record ConnectorInfo(String kind, String version) {

    @Override
    public String toString() {
        return kind + "@" + version;
    }
}
