package io.churnwatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports that nothing listens on right now, so tests never collide with a broker on 9092. */
final class FreePorts {

    private FreePorts() {
    }

    static int[] two() {
        try (ServerSocket first = open(); ServerSocket second = open()) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket open() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
