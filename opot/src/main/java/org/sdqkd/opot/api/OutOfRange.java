package org.sdqkd.opot.api;

/**
 * What a node does with a value decrypted from the wire that is not below p (only masking or tampering produce one:
 * a sender's clear values are always elements).
 */
public enum OutOfRange {
    /** Take the value mod p and go on (the paper's behaviour; the verifier will almost surely refuse the packet). */
    REDUCE,
    /** Refuse the packet at once. */
    REJECT
}
