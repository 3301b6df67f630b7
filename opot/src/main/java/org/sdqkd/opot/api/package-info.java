/**
 * Ordered proof of transit (OPoT): the Shamir-based proof of transit of draft-ietf-sfc-proof-of-transit (model
 * {@code ietf-pot-profile}) with the QKD-keyed masking between hops of the Madrid Quantum Network work, so that the
 * verifier proves every node of a path was crossed, in order; plus the wire codec of its UDP payload, the trace
 * runner for test vectors and the attack lab.
 */
package org.sdqkd.opot.api;
