package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

/** How the two ends of an emulated link meet: a TLS connection with node certificates on both sides. */
public sealed interface LinkChannel {
    /**
     * This end listens; it produces the key blocks.
     *
     * @param address the address to bind
     * @param port    the port, 0 for any free one
     */
    record Listen(String address, int port) implements LinkChannel {
        /** Checks the components. */
        public Listen {
            requireNonNull(address);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /**
     * This end connects to the listening end, and reconnects when the connection is lost.
     *
     * @param host the listening end's address
     * @param port its port
     */
    record Connect(String host, int port) implements LinkChannel {
        /** Checks the components. */
        public Connect {
            requireNonNull(host);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }
}
