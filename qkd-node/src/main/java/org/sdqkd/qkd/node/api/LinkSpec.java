package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One emulated QKD link as configured (an ETSI GS QKD 015 PHYS {@code qkd_link} with sdqkd's emulation settings).
 *
 * @param id            the link's {@code qkdl_id}, the same at both ends
 * @param enabled       {@code qkdl_enable}: a disabled link keeps its keys but makes no new ones
 * @param remoteNode    the {@code qkdn_id} of the node at the other end; its certificate must name it
 * @param channel       how the two ends meet: this end listens, or connects to the listening end; the listening
 *                      end produces the key blocks
 * @param rate          the secret key rate the link produces while up
 * @param baselineQber  the quantum bit error rate while nothing is injected, 0 to 1
 * @param qberThreshold above this QBER no key is distilled and an alarm is raised, 0 to 1
 * @param capacityKeys  the most 256-bit keys the link's store holds; production pauses when it is full
 * @param fault         the failure injected at this end, if any (either end's fault stops the link)
 * @param injectedQber  a QBER injected at this end, replacing the baseline and the trace's value
 */
public record LinkSpec(UUID id, boolean enabled, UUID remoteNode, LinkChannel channel, RateSource rate,
        double baselineQber, double qberThreshold, int capacityKeys, Fault fault, OptionalDouble injectedQber) {
    /** Checks the components. */
    public LinkSpec {
        requireNonNull(id);
        requireNonNull(remoteNode);
        requireNonNull(channel);
        requireNonNull(rate);
        requireNonNull(fault);
        requireNonNull(injectedQber);
        checkRatio(baselineQber, "baselineQber");
        checkRatio(qberThreshold, "qberThreshold");
        injectedQber.ifPresent(q -> checkRatio(q, "injectedQber"));
        if (capacityKeys < 1) {
            throw new IllegalArgumentException("capacityKeys below 1: " + capacityKeys);
        }
    }

    private static void checkRatio(final double value, final String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " not in 0..1: " + value);
        }
    }

    /** A failure injected at runtime. */
    public enum Fault {
        /** Nothing injected. */
        NONE,
        /** The quantum channel is cut: the link is down, no key is made. */
        LINK_DOWN,
        /** The link is up but its secret key rate is zero. */
        SKR_ZERO
    }
}
