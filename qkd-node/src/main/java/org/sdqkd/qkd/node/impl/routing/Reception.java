package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

/**
 * What a router did with a message it received.
 *
 * @param kind   the outcome
 * @param reason in words, for a refusal (empty otherwise)
 */
public record Reception(Kind kind, String reason) {
    static final Reception HELLO = new Reception(Kind.HELLO, "");
    static final Reception NEWER = new Reception(Kind.NEWER, "");
    static final Reception DUPLICATE = new Reception(Kind.DUPLICATE, "");
    static final Reception OLDER = new Reception(Kind.OLDER, "");

    /** Checks the components. */
    public Reception {
        requireNonNull(kind);
        requireNonNull(reason);
    }

    static Reception refused(final String reason) {
        return new Reception(Kind.REFUSED, reason);
    }

    /** The outcomes. */
    public enum Kind {
        /** A hello from a neighbour. */
        HELLO,
        /** A newer advertisement: stored and flooded on. */
        NEWER,
        /** An advertisement already held: dropped. */
        DUPLICATE,
        /** An advertisement older than the one held: dropped. */
        OLDER,
        /** A malformed message, or one from a node that is not a neighbour: dropped. */
        REFUSED
    }
}
