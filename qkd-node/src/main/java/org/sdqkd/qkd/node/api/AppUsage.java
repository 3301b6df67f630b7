package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * How much key an application has consumed at this node since it was configured.
 *
 * @param id            {@code app_id}
 * @param keysDelivered keys given to its SAEs (by enc_keys and dec_keys)
 * @param bitsDelivered their total size in bits
 */
public record AppUsage(UUID id, long keysDelivered, long bitsDelivered) {
    /** Checks the components. */
    public AppUsage {
        requireNonNull(id);
    }
}
