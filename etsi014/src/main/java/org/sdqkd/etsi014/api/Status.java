package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The Status data format (ETSI GS QKD 014 V1.1.1 section 6.1): what a KME can deliver to a master SAE for a slave.
 *
 * @param sourceKmeId      {@code source_KME_ID}: the master SAE's KME
 * @param targetKmeId      {@code target_KME_ID}: the slave SAE's KME
 * @param masterSaeId      {@code master_SAE_ID}: the calling SAE
 * @param slaveSaeId       {@code slave_SAE_ID}: the slave SAE
 * @param keySize          {@code key_size}: the default key size, in bits
 * @param storedKeyCount   {@code stored_key_count}: how many keys of the default size can be delivered now
 * @param maxKeyCount      {@code max_key_count}: the most keys of the default size the KME stores
 * @param maxKeyPerRequest {@code max_key_per_request}: the largest {@code number} of one request
 * @param maxKeySize       {@code max_key_size}: the largest key size, in bits
 * @param minKeySize       {@code min_key_size}: the smallest key size, in bits
 * @param maxSaeIdCount    {@code max_SAE_ID_count}: the most additional slave SAEs of one request
 * @param extension        {@code status_extension}: a JSON object, empty when absent
 */
public record Status(String sourceKmeId, String targetKmeId, String masterSaeId, String slaveSaeId, int keySize,
        long storedKeyCount, long maxKeyCount, int maxKeyPerRequest, int maxKeySize, int minKeySize,
        int maxSaeIdCount, Map<String, Object> extension) {

    /** Checks the components. */
    public Status {
        requireNonNull(sourceKmeId, "source_KME_ID");
        requireNonNull(targetKmeId, "target_KME_ID");
        requireNonNull(masterSaeId, "master_SAE_ID");
        requireNonNull(slaveSaeId, "slave_SAE_ID");
        if (keySize < 1 || minKeySize < 1 || maxKeySize < minKeySize || maxKeyPerRequest < 1 || maxSaeIdCount < 0
                || storedKeyCount < 0 || maxKeyCount < 0) {
            throw new IllegalArgumentException("sizes and counts out of range: key_size " + keySize + ", min_key_size "
                + minKeySize + ", max_key_size " + maxKeySize + ", max_key_per_request " + maxKeyPerRequest
                + ", max_SAE_ID_count " + maxSaeIdCount + ", stored_key_count " + storedKeyCount
                + ", max_key_count " + maxKeyCount);
        }
        extension = JsonValues.object(extension);
    }

    /**
     * A Status without extension; the parameters are the components of the same names.
     *
     * @return the Status
     */
    public static Status of(final String sourceKmeId, final String targetKmeId, final String masterSaeId,
            final String slaveSaeId, final int keySize, final long storedKeyCount, final long maxKeyCount,
            final int maxKeyPerRequest, final int maxKeySize, final int minKeySize, final int maxSaeIdCount) {
        return new Status(sourceKmeId, targetKmeId, masterSaeId, slaveSaeId, keySize, storedKeyCount, maxKeyCount,
            maxKeyPerRequest, maxKeySize, minKeySize, maxSaeIdCount, Map.of());
    }

    /**
     * This Status with other request limits, as a KME announces its own.
     *
     * @param limits the limits
     * @return the Status
     */
    public Status withLimits(final Etsi014Limits limits) {
        return new Status(sourceKmeId, targetKmeId, masterSaeId, slaveSaeId, keySize, storedKeyCount, maxKeyCount,
            limits.maxKeysPerRequest(), maxKeySize, minKeySize, limits.maxAdditionalSlaves(), extension);
    }
}
