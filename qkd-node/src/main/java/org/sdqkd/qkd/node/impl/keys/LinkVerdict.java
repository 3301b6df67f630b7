package org.sdqkd.qkd.node.impl.keys;

import java.util.Optional;
import java.util.OptionalDouble;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;

/**
 * A link's condition as both ends work it out from the same facts: each end's enable flag, fault and injected
 * QBER (the peer's arrive in its STATE frames), whether the channel is up, and the producing end's nominal rate
 * and QBER. The first that applies wins: DISABLED, DOWN, CONNECTING, NO_KEY_RATE, QBER_ALARM, UP.
 *
 * @param condition the condition
 * @param reason    why it is not UP
 * @param qber      the QBER in force: the highest injected at either end, else the trace's or baseline
 */
record LinkVerdict(LinkState.Condition condition, Optional<String> reason, double qber) {

    /**
     * Works out the condition.
     *
     * @param local      this end's settings
     * @param peer       the peer's last STATE, when connected
     * @param connected  whether the channel is up and the stores reconciled
     * @param nominalSkr the producing end's nominal rate now
     * @param baseQber   the producing end's trace or baseline QBER now
     * @param threshold  the QBER alarm threshold
     * @return the verdict
     */
    static LinkVerdict of(final LinkSpec local, final Optional<Frame.State> peer, final boolean connected,
            final long nominalSkr, final double baseQber, final double threshold) {
        final OptionalDouble injected = injected(local, peer);
        final double qber = injected.orElse(baseQber);
        if (!local.enabled()) {
            return down(LinkState.Condition.DISABLED, "the link is disabled at this end", qber);
        }
        if (peer.isPresent() && !peer.get().enabled()) {
            return down(LinkState.Condition.DISABLED, "the link is disabled at the remote end", qber);
        }
        if (local.fault() == LinkSpec.Fault.LINK_DOWN) {
            return down(LinkState.Condition.DOWN, "a link-down fault is injected at this end", qber);
        }
        if (peer.isPresent() && peer.get().linkDown()) {
            return down(LinkState.Condition.DOWN, "a link-down fault is injected at the remote end", qber);
        }
        if (!connected || peer.isEmpty()) {
            return down(LinkState.Condition.CONNECTING, "the two ends are not connected", qber);
        }
        if (local.fault() == LinkSpec.Fault.SKR_ZERO) {
            return down(LinkState.Condition.NO_KEY_RATE, "an SKR-zero fault is injected at this end", qber);
        }
        if (peer.get().skrZero()) {
            return down(LinkState.Condition.NO_KEY_RATE, "an SKR-zero fault is injected at the remote end", qber);
        }
        if (nominalSkr == 0) {
            return down(LinkState.Condition.NO_KEY_RATE, "the secret key rate is zero", qber);
        }
        if (qber > threshold) {
            return down(LinkState.Condition.QBER_ALARM, String.format(java.util.Locale.ROOT,
                "the QBER %.4f is above the threshold %.4f", qber, threshold), qber);
        }
        return new LinkVerdict(LinkState.Condition.UP, Optional.empty(), qber);
    }

    private static OptionalDouble injected(final LinkSpec local, final Optional<Frame.State> peer) {
        double highest = local.injectedQber().orElse(-1);
        if (peer.isPresent()) {
            highest = Math.max(highest, peer.get().injectedQber());
        }
        return highest >= 0 ? OptionalDouble.of(highest) : OptionalDouble.empty();
    }

    private static LinkVerdict down(final LinkState.Condition condition, final String reason, final double qber) {
        return new LinkVerdict(condition, Optional.of(reason), qber);
    }
}
