package org.sdqkd.qkd.node.impl.relay.channel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.UUID;
import org.sdqkd.tls.api.PqcTls;

/**
 * The settings of a node's KME-to-KME channels.
 *
 * @param self             this node's ID (its certificate names it)
 * @param tls              the TLS context (the node's identity, the PQC policy)
 * @param handshakeTimeout the deadline for the whole TLS handshake and peer check of one connection
 * @param maxFrameBytes    the largest frame accepted or sent (header included)
 */
public record ChannelSettings(UUID self, PqcTls tls, Duration handshakeTimeout, int maxFrameBytes) {
    /** The default deadline of a handshake. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    /** The default bound of a frame: 64 KiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    /** Checks the values. */
    public ChannelSettings {
        requireNonNull(self);
        requireNonNull(tls);
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshake timeout must be positive: " + handshakeTimeout);
        }
        if (maxFrameBytes < FrameIo.HEADER_BYTES + 1) {
            throw new IllegalArgumentException("max frame bytes too small: " + maxFrameBytes);
        }
    }

    /**
     * Settings with the default deadline and frame bound.
     *
     * @param self this node's ID
     * @param tls  the TLS context
     * @return the settings
     */
    public static ChannelSettings of(final UUID self, final PqcTls tls) {
        return new ChannelSettings(self, tls, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_MAX_FRAME_BYTES);
    }
}
