package org.sdqkd.qkd.node.impl.agent;

import org.sdqkd.qkd.node.impl.keys.LinkState;

/** The ETSI GS QKD 015 {@code link-status-types} identities, and how the key plane's conditions map to them. */
enum LinkStatus {
    /** Connected and producing keys. */
    ACTIVE,
    /** Connected but not producing keys (zero rate or QBER above the threshold). */
    PASSIVE,
    /** Not connected yet, or any more; the ends are trying. */
    PENDING,
    /** Down (an injected fault or a link that cannot run) or disabled. */
    OFF;

    /** The status of a link in this condition. */
    static LinkStatus of(final LinkState.Condition condition) {
        return switch (condition) {
            case UP -> ACTIVE;
            case NO_KEY_RATE, QBER_ALARM -> PASSIVE;
            case CONNECTING -> PENDING;
            case DOWN, DISABLED -> OFF;
        };
    }

    /** Whether the two ends are connected. */
    boolean connected() {
        return this == ACTIVE || this == PASSIVE;
    }
}
