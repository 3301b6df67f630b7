package org.sdqkd.qkd.node.impl.agent;

import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.LINKSTATUSTYPES;
import org.sdqkd.qkd.node.api.LinkState;

/** The ETSI GS QKD 015 {@code link-status-types} identities, and how the key plane's conditions map to them. */
enum LinkStatus {
    /** Connected and producing keys. */
    ACTIVE(org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE.VALUE),
    /** Connected but not producing keys (zero rate or QBER above the threshold). */
    PASSIVE(org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PASSIVE.VALUE),
    /** Not connected yet, or any more; the ends are trying. */
    PENDING(org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PENDING.VALUE),
    /** Down (an injected fault or a link that cannot run) or disabled. */
    OFF(org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF.VALUE);

    private final LINKSTATUSTYPES identity;

    LinkStatus(final LINKSTATUSTYPES identity) {
        this.identity = identity;
    }

    /** The status of a link in this condition. */
    static LinkStatus of(final LinkState.Condition condition) {
        return switch (condition) {
            case UP -> ACTIVE;
            case NO_KEY_RATE, QBER_ALARM -> PASSIVE;
            case CONNECTING -> PENDING;
            case DOWN, DISABLED -> OFF;
        };
    }

    /** The identity, as the generated bindings carry it. */
    LINKSTATUSTYPES identity() {
        return identity;
    }

    /** Whether the two ends are connected. */
    boolean connected() {
        return this == ACTIVE || this == PASSIVE;
    }
}
