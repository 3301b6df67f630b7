package org.sdqkd.qkd.node.impl.link;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;

/** The frames the two ends of an emulated link exchange; {@link FrameCodec} writes and reads them. */
public sealed interface Frame {
    /**
     * The first frame each end sends after the TLS handshake.
     *
     * @param version the protocol version, {@link FrameCodec#VERSION}
     * @param linkId  the link the sender means
     */
    record Hello(int version, UUID linkId) implements Frame {
        /** Checks the components. */
        public Hello {
            requireNonNull(linkId);
        }
    }

    /**
     * The sender's settings and, from the producing end, the rate and QBER it produces at.
     *
     * @param enabled      {@code qkdl_enable} at the sender
     * @param linkDown     a LINK_DOWN fault injected at the sender
     * @param skrZero      an SKR_ZERO fault injected at the sender
     * @param injectedQber the QBER injected at the sender, negative when none
     * @param nominalSkr   the sender's configured or trace rate now, in bits per second
     * @param baseQber     the sender's baseline or trace QBER now
     */
    record State(boolean enabled, boolean linkDown, boolean skrZero, double injectedQber, long nominalSkr,
            double baseQber) implements Frame {
    }

    /**
     * New key units from the producing end.
     *
     * @param sequence the block's number, acknowledged by {@link Ack}
     * @param units    the units
     */
    record Block(long sequence, List<Unit> units) implements Frame {
        /** Checks the components. */
        public Block {
            units = List.copyOf(units);
        }
    }

    /**
     * The connecting end stored a block.
     *
     * @param sequence the block's number
     */
    record Ack(long sequence) implements Frame {
    }

    /**
     * Part of the sender's store inventory, sent on every (re)connection.
     *
     * @param unitIds the IDs of units in the sender's store
     * @param last    whether this is the last part
     */
    record Inventory(List<UUID> unitIds, boolean last) implements Frame {
        /** Checks the components. */
        public Inventory {
            unitIds = List.copyOf(unitIds);
        }
    }

    /**
     * Reserve keys made of these units for slave SAEs at the receiving node.
     *
     * @param requestId the sender's request number, echoed in the reply
     * @param masterSae the master SAE
     * @param slaveSaes the slave SAEs
     * @param sizeBits  the size of each key in bits
     * @param keys      the keys and the units each is made of
     */
    record Reserve(long requestId, String masterSae, List<String> slaveSaes, int sizeBits, List<KeyUnits> keys)
            implements Frame {
        /** Checks the components. */
        public Reserve {
            requireNonNull(masterSae);
            slaveSaes = List.copyOf(slaveSaes);
            keys = List.copyOf(keys);
        }
    }

    /**
     * The answer to a {@link Reserve}.
     *
     * @param requestId the request's number
     * @param status    0 when reserved, else the HTTP status of the refusal (400, 401, 503)
     * @param message   why it was refused, empty when reserved
     */
    record ReserveReply(long requestId, int status, String message) implements Frame {
        /** Checks the components. */
        public ReserveReply {
            requireNonNull(message);
        }
    }

    /**
     * The sender received the reply to its reservation and handed the keys out: the reservation stands.
     *
     * @param requestId the request's number
     */
    record Confirm(long requestId) implements Frame {
    }

    /**
     * One 256-bit key unit.
     *
     * @param id    its ID, the same at both ends
     * @param bytes its 32 bytes
     */
    record Unit(UUID id, KeyBytes bytes) {
        /** Checks the components. */
        public Unit {
            requireNonNull(id);
            requireNonNull(bytes);
        }
    }

    /**
     * One key of a reservation.
     *
     * @param keyId   its key_ID
     * @param unitIds the units it is made of, in order
     */
    record KeyUnits(UUID keyId, List<UUID> unitIds) {
        /** Checks the components. */
        public KeyUnits {
            requireNonNull(keyId);
            unitIds = List.copyOf(unitIds);
        }
    }
}
