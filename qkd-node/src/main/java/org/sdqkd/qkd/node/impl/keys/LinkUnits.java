package org.sdqkd.qkd.node.impl.keys;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Key units taken out of a link's store for the relay: the link, the units' IDs (the same at both ends) and their
 * bytes concatenated in that order. The holder erases them once used ({@link #erase}).
 *
 * @param link    the link's {@code qkdl_id}
 * @param unitIds the units' IDs
 * @param bytes   32 bytes per unit
 */
public record LinkUnits(UUID link, List<UUID> unitIds, byte[] bytes) {
    /** Copies the ID list. */
    public LinkUnits {
        unitIds = List.copyOf(unitIds);
    }

    /** Zeroes the bytes. */
    public void erase() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "LinkUnits[link=" + link + ", units=" + unitIds.size() + "]";
    }

    @Override
    public boolean equals(final Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
