package org.sdqkd.etsi014.api;

/**
 * The limits of ETSI GS QKD 014 requests, in one place: the constants are the largest values sdqkd supports anywhere
 * (key plane, KME, clients); an instance holds the limits one KME announces in its Status (section 6.1,
 * {@code max_key_per_request}, {@code max_SAE_ID_count}), which may be lower.
 *
 * @param maxKeysPerRequest   the largest {@code number} of one Key request and the most key_IDs of one Key IDs
 * @param maxAdditionalSlaves the most {@code additional_slave_SAE_IDs} of one Key request
 */
public record Etsi014Limits(int maxKeysPerRequest, int maxAdditionalSlaves) {
    /** The largest number of keys of one request. */
    public static final int MAX_KEYS_PER_REQUEST = 1024;
    /** The most additional slave SAEs of one request. */
    public static final int MAX_ADDITIONAL_SLAVES = 8;
    /** The smallest key size, in bits. */
    public static final int MIN_KEY_SIZE = 64;
    /** The largest key size, in bits. */
    public static final int MAX_KEY_SIZE = 8192;
    /** The default key size, in bits. */
    public static final int DEFAULT_KEY_SIZE = 256;
    /** The largest request body a KME reads, in bytes. */
    public static final int MAX_REQUEST_BODY = 64 * 1024;
    /** The largest Error or Status body a client reads, in bytes. */
    public static final int MAX_SMALL_ANSWER = 64 * 1024;
    /** The longest SAE or KME ID accepted, in characters. */
    public static final int MAX_ID_LENGTH = 256;
    /** The most members of one Error's {@code details}. */
    public static final int MAX_ERROR_DETAILS = 64;
    /** The limits of this implementation: the largest of each. */
    public static final Etsi014Limits MAXIMA = new Etsi014Limits(MAX_KEYS_PER_REQUEST, MAX_ADDITIONAL_SLAVES);

    /** Checks that the limits are within the maxima. */
    public Etsi014Limits {
        if (maxKeysPerRequest < 1 || maxKeysPerRequest > MAX_KEYS_PER_REQUEST) {
            throw new IllegalArgumentException("max keys per request must be from 1 to " + MAX_KEYS_PER_REQUEST
                + ": " + maxKeysPerRequest);
        }
        if (maxAdditionalSlaves < 0 || maxAdditionalSlaves > MAX_ADDITIONAL_SLAVES) {
            throw new IllegalArgumentException("max additional slave SAEs must be from 0 to " + MAX_ADDITIONAL_SLAVES
                + ": " + maxAdditionalSlaves);
        }
    }

    /**
     * Whether a key size is allowed: a multiple of 8 from {@value #MIN_KEY_SIZE} to {@value #MAX_KEY_SIZE}.
     *
     * @param bits the size in bits
     * @return whether it is allowed
     */
    public static boolean validKeySize(final int bits) {
        return bits >= MIN_KEY_SIZE && bits <= MAX_KEY_SIZE && bits % 8 == 0;
    }

    /**
     * The largest Key container body that answers a request for {@code number} keys of {@code bits} each, with room
     * for key_IDs, extensions and white space; a client reads no more.
     *
     * @param number how many keys
     * @param bits   the size of each, in bits
     * @return the bound in bytes
     */
    public static int maxKeyContainerBytes(final int number, final int bits) {
        final long perKey = (bits / 8 + 2) / 3 * 4L + 1024;
        return (int) Math.min(Integer.MAX_VALUE, MAX_SMALL_ANSWER + perKey * Math.max(1, number));
    }
}
