package org.goldenthread.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port free right now. Ports are chosen before the services start so that every
 * service can be told every other's address up front, whatever order they come up in.
 *
 * <p>They are drawn below the kernel's ephemeral range (Linux: 32768–60999), not with port 0:
 * between choosing a port and the service binding it, sockets bound to port 0 in this very JVM
 * (embedded stores, HTTP and gRPC client connections) take their ports from the ephemeral range
 * and could take ours.
 */
final class FreePort {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    /** Ports already handed out in this JVM: two picks must never name the same still-unbound port. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    static int pick() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOW + " and " + HIGH);
    }
}
