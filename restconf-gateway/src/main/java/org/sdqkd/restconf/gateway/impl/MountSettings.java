package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.sdqkd.restconf.gateway.spi.MountPoints;

/**
 * The devices a gateway serves below {@code yang-ext:mount}, if any, and the longest a request waits for one.
 *
 * @param points  finds the device mounted at a data node; empty when the gateway serves no mounts
 * @param timeout the longest a request waits for a device's answer (then 504)
 */
public record MountSettings(Optional<MountPoints> points, Duration timeout) {
    /** No mounts. */
    public static final MountSettings NONE = new MountSettings(Optional.empty(), MountCalls.DEFAULT_TIMEOUT);
    /** The default timeout, 30 s. */
    public static final Duration DEFAULT_TIMEOUT = MountCalls.DEFAULT_TIMEOUT;

    /**
     * Checks the settings.
     *
     * @param points  the mount points, if any
     * @param timeout the timeout, positive
     */
    public MountSettings {
        requireNonNull(points);
        requireNonNull(timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the mount timeout must be positive: " + timeout);
        }
    }
}
