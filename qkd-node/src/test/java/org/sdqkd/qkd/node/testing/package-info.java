/**
 * Fixtures shared with the tests of other modules: a PKI in a temporary directory, an in-memory key delivery and an
 * ETSI GS QKD 014 client.
 */
package org.sdqkd.qkd.node.testing;
