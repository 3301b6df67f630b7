package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a client may cost the gateway: the sizes of a request, the nesting of its body, how slowly it may send and
 * how many connections may be open.
 *
 * @param maxBody        the largest request body accepted, in bytes (413 {@code too-big} beyond it)
 * @param maxHeaderBytes the largest request head (request line and header fields), in bytes (431 beyond it)
 * @param maxDepth       the deepest nesting of a JSON or XML body (400 {@code malformed-message} beyond it)
 * @param idleTimeout    how long a connection may stay silent
 * @param headerTimeout  how long a client may take to send a request head once it has begun (slow clients that
 *                       trickle headers are cut off after it)
 * @param minDataRate    the slowest a request body may arrive, in bytes per second (0 for no minimum)
 * @param maxConnections the most connections open at once; more are not accepted until one closes
 */
public record Limits(int maxBody, int maxHeaderBytes, int maxDepth, Duration idleTimeout, Duration headerTimeout,
        long minDataRate, int maxConnections) {
    /** The defaults: 16 MiB bodies, 16 KiB heads, depth 64, 30 s idle, 10 s heads, 1 KiB/s, 512 connections. */
    public static final Limits DEFAULT = new Limits(16 << 20, 16 << 10, 64, Duration.ofSeconds(30),
        Duration.ofSeconds(10), 1024, 512);

    /**
     * Checks the components.
     *
     * @param maxBody        the largest body, at least 1
     * @param maxHeaderBytes the largest request head, at least 1024
     * @param maxDepth       the deepest nesting, at least 2
     * @param idleTimeout    the idle timeout, positive
     * @param headerTimeout  the request head timeout, positive
     * @param minDataRate    the minimum body data rate, not negative
     * @param maxConnections the connection limit, at least 1
     */
    public Limits {
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(headerTimeout, "headerTimeout");
        atLeast("maxBody", maxBody, 1);
        atLeast("maxHeaderBytes", maxHeaderBytes, 1024);
        atLeast("maxDepth", maxDepth, 2);
        atLeast("minDataRate", minDataRate, 0);
        atLeast("maxConnections", maxConnections, 1);
        if (idleTimeout.isNegative() || idleTimeout.isZero() || headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: idle " + idleTimeout + ", header "
                + headerTimeout);
        }
    }

    private static void atLeast(final String name, final long value, final long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
    }
}
