package org.sdqkd.restconf.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits of the gateway's event streams (RFC 8040 section 6): how many subscribers at once, how far a slow one
 * may fall behind before it is dropped, how many past events {@code start-time} can replay, and how often an idle
 * stream sends a keep-alive comment so that proxies keep the connection open.
 *
 * @param maxSubscribers the most subscriptions open at once; further ones answer 503
 * @param queueSize      the events a subscriber may have waiting; when one more arrives, it is dropped
 * @param replaySize     the events kept for replay (the oldest go first); 0 turns replay off
 * @param heartbeat      the longest a stream stays silent: then an SSE comment is sent
 */
public record StreamLimits(int maxSubscribers, int queueSize, int replaySize, Duration heartbeat) {
    /** 64 subscribers, 1,024 queued events each, 1,024 events for replay, a comment every 15 seconds. */
    public static final StreamLimits DEFAULTS = new StreamLimits(64, 1024, 1024, Duration.ofSeconds(15));

    public StreamLimits {
        if (maxSubscribers < 1 || queueSize < 1 || replaySize < 0) {
            throw new IllegalArgumentException("stream limits must be positive (replay size at least 0): "
                + maxSubscribers + ", " + queueSize + ", " + replaySize);
        }
        requireNonNull(heartbeat);
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive: " + heartbeat);
        }
    }
}
