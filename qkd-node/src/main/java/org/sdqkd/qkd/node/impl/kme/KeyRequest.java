package org.sdqkd.qkd.node.impl.kme;

import java.util.List;

/**
 * An enc_keys request (ETSI GS QKD 014 section 6.2, Key request), from the query of a GET or the body of a POST.
 *
 * @param number           how many keys, null for the default (one)
 * @param size             the key size in bits, null for the default (the status' key_size)
 * @param additionalSlaves the additional_slave_SAE_IDs, in order
 */
record KeyRequest(Integer number, Integer size, List<String> additionalSlaves) {
    KeyRequest {
        additionalSlaves = List.copyOf(additionalSlaves);
    }
}
