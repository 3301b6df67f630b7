package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

/**
 * The node's optional RESTCONF server (the {@code restconf:} section of its YAML): where it listens and how it
 * answers. The node itself does not start it; the launcher serves the node's datastores through the gateway
 * when this is present.
 *
 * @param address       the address to listen on
 * @param port          the port, 0 for any free one
 * @param plainHttp     plain HTTP without TLS; the only transport for now, so it must be {@code true}
 * @param tfsCompatible TeraFlowSDN's QKD driver's habits accepted (bare names, trailing slashes, ...)
 */
public record NodeRestconf(String address, int port, boolean plainHttp, boolean tfsCompatible) {
    /** The default port of a node's RESTCONF server (plain HTTP). */
    public static final int DEFAULT_PORT = 8080;

    /** Checks the components. */
    public NodeRestconf {
        requireNonNull(address);
        if (address.isBlank()) {
            throw new IllegalArgumentException("blank RESTCONF address");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("RESTCONF port out of range: " + port);
        }
        if (!plainHttp) {
            throw new IllegalArgumentException("only plain HTTP is available yet: set plain-http: true");
        }
    }

    /** These settings on another port (0: any free port). */
    public NodeRestconf withPort(final int newPort) {
        return new NodeRestconf(address, newPort, plainHttp, tfsCompatible);
    }
}
