package org.sdqkd.qkd.node.impl.keys;

import static java.util.Objects.requireNonNull;

/**
 * The ETSI GS QKD 014 Status data format (section 6.1), without its extension.
 *
 * @param sourceKmeId      this node's KME
 * @param targetKmeId      the slave SAE's KME
 * @param masterSaeId      the calling SAE
 * @param slaveSaeId       the slave SAE
 * @param keySize          the default key size, in bits
 * @param storedKeyCount   how many keys of the default size can be delivered now
 * @param maxKeyCount      the most keys of the default size the store holds
 * @param maxKeyPerRequest the largest {@code number} of one request
 * @param maxKeySize       the largest key size, in bits
 * @param minKeySize       the smallest key size, in bits
 * @param maxSaeIdCount    the most additional slave SAEs of one request
 */
public record KeyStatus(String sourceKmeId, String targetKmeId, String masterSaeId, String slaveSaeId, int keySize,
        long storedKeyCount, long maxKeyCount, int maxKeyPerRequest, int maxKeySize, int minKeySize,
        int maxSaeIdCount) {
    /** Checks the components. */
    public KeyStatus {
        requireNonNull(sourceKmeId);
        requireNonNull(targetKmeId);
        requireNonNull(masterSaeId);
        requireNonNull(slaveSaeId);
    }
}
