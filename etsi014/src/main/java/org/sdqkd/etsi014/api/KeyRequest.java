package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Key request data format (ETSI GS QKD 014 V1.1.1 section 6.2), the body of a POST {@code enc_keys} (or the
 * {@code number} and {@code size} of a GET).
 *
 * @param number              {@code number}: how many keys, empty for the KME's default (one)
 * @param size                {@code size}: the size of each key in bits, empty for the KME's default
 * @param additionalSlaves    {@code additional_slave_SAE_IDs}: further slave SAEs, in order
 * @param extensionMandatory  {@code extension_mandatory}: JSON objects the KME must understand or refuse
 * @param extensionOptional   {@code extension_optional}: JSON objects the KME may ignore
 */
public record KeyRequest(Optional<Integer> number, Optional<Integer> size, List<String> additionalSlaves,
        List<Map<String, Object>> extensionMandatory, List<Map<String, Object>> extensionOptional) {

    /** Checks the components against {@link Etsi014Limits}' maxima. */
    public KeyRequest {
        requireNonNull(number, "number");
        requireNonNull(size, "size");
        number.ifPresent(n -> {
            if (n < 1 || n > Etsi014Limits.MAX_KEYS_PER_REQUEST) {
                throw new IllegalArgumentException("number must be from 1 to " + Etsi014Limits.MAX_KEYS_PER_REQUEST
                    + ": " + n);
            }
        });
        size.ifPresent(s -> {
            if (!Etsi014Limits.validKeySize(s)) {
                throw new IllegalArgumentException("size must be a multiple of 8 from " + Etsi014Limits.MIN_KEY_SIZE
                    + " to " + Etsi014Limits.MAX_KEY_SIZE + " bits: " + s);
            }
        });
        additionalSlaves = List.copyOf(additionalSlaves);
        if (additionalSlaves.size() > Etsi014Limits.MAX_ADDITIONAL_SLAVES) {
            throw new IllegalArgumentException("too many additional_slave_SAE_IDs: " + additionalSlaves.size()
                + ", at most " + Etsi014Limits.MAX_ADDITIONAL_SLAVES);
        }
        for (String slave : additionalSlaves) {
            if (slave.isEmpty()) {
                throw new IllegalArgumentException("additional_slave_SAE_IDs must hold non-empty strings");
            }
        }
        extensionMandatory = JsonValues.objects(extensionMandatory);
        extensionOptional = JsonValues.objects(extensionOptional);
    }

    /**
     * A request for {@code number} keys of {@code size} bits, for the slave named in the URL only.
     *
     * @param number how many keys
     * @param size   the size of each, in bits
     * @return the request
     */
    public static KeyRequest of(final int number, final int size) {
        return new KeyRequest(Optional.of(number), Optional.of(size), List.of(), List.of(), List.of());
    }

    /**
     * A request that leaves number and size to the KME's defaults.
     *
     * @return the request
     */
    public static KeyRequest defaults() {
        return new KeyRequest(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /**
     * This request with additional slave SAEs.
     *
     * @param slaves the additional slave SAE IDs
     * @return the request
     */
    public KeyRequest withAdditionalSlaves(final List<String> slaves) {
        return new KeyRequest(number, size, slaves, extensionMandatory, extensionOptional);
    }
}
