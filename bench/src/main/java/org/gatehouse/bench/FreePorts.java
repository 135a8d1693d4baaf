package org.gatehouse.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports nobody is listening on right now, for the benchmark's gateway: this machine is shared, and Karaf's defaults
 * (8101, 1099, 44444, 5672) may be taken by another gateway, a test run or a broker.
 */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * {@code count} distinct loopback ports. All sockets stay open until every port is picked, so the system
     * cannot hand out one port twice; another process could still take one before the gateway binds it, which
     * then shows as a boot failure in the gateway's log.
     */
    static List<Integer> pick(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
