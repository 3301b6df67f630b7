/**
 * Ordered proof of transit: schemes, the node update, masking, verification, the wire codec, the trace runner and
 * the attack lab. Exports {@code org.sdqkd.opot.api}.
 */
module org.sdqkd.opot {
    exports org.sdqkd.opot.api;

    requires com.fasterxml.jackson.databind;
}
