package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.LINKSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PASSIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PENDING;

/**
 * A link's state as the controller shows it, from the views of its ends that are connected now: the worst status
 * (OFF, then PENDING, then PASSIVE, then ACTIVE; a status of another identity counts as PENDING), the lowest secret
 * key rate and stored key count, the highest QBER. With one end connected it is that end's view; with none, every
 * component is empty (unknown).
 *
 * @param status     ETSI link status, as the identity's {@code VALUE}
 * @param skr        secret key rate, bit/s
 * @param qber       quantum bit error rate
 * @param storedKeys keys ready for delivery at both ends
 */
record LinkState(Optional<LINKSTATUSTYPES> status, OptionalLong skr, Optional<BigDecimal> qber,
        OptionalLong storedKeys) {
    /** Nothing known. */
    static final LinkState UNKNOWN = new LinkState(Optional.empty(), OptionalLong.empty(), Optional.empty(),
        OptionalLong.empty());

    private static final List<LINKSTATUSTYPES> BEST_FIRST = List.of(ACTIVE.VALUE, PASSIVE.VALUE, PENDING.VALUE,
        OFF.VALUE);

    LinkState {
        requireNonNull(skr);
        requireNonNull(qber);
        requireNonNull(storedKeys);
        status = status.map(LinkState::canonical);
    }

    /**
     * The state of a link from the views of its connected ends.
     *
     * @param ends the views, none to two
     * @return the combined state
     */
    static LinkState of(final Collection<LinkEnd> ends) {
        Optional<LINKSTATUSTYPES> status = Optional.empty();
        OptionalLong skr = OptionalLong.empty();
        Optional<BigDecimal> qber = Optional.empty();
        OptionalLong stored = OptionalLong.empty();
        for (LinkEnd end : ends) {
            status = worse(status, end.status().map(LinkState::canonical));
            skr = lower(skr, end.skr());
            stored = lower(stored, end.storedKeys());
            qber = higher(qber, end.qber());
        }
        return new LinkState(status, skr, qber, stored);
    }

    private static LINKSTATUSTYPES canonical(final LINKSTATUSTYPES status) {
        for (LINKSTATUSTYPES known : BEST_FIRST) {
            if (known.implementedInterface().equals(status.implementedInterface())) {
                return known;
            }
        }
        return status;
    }

    private static int rank(final LINKSTATUSTYPES status) {
        final int index = BEST_FIRST.indexOf(status);
        return index >= 0 ? index : BEST_FIRST.indexOf(PENDING.VALUE);
    }

    private static Optional<LINKSTATUSTYPES> worse(final Optional<LINKSTATUSTYPES> one,
            final Optional<LINKSTATUSTYPES> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return rank(other.orElseThrow()) > rank(one.orElseThrow()) ? other : one;
    }

    private static Optional<BigDecimal> higher(final Optional<BigDecimal> one, final Optional<BigDecimal> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isEmpty() || one.orElseThrow().compareTo(other.orElseThrow()) >= 0 ? one : other;
    }

    private static OptionalLong lower(final OptionalLong one, final OptionalLong other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isEmpty() ? one : OptionalLong.of(Math.min(one.getAsLong(), other.getAsLong()));
    }
}
