/** Fixtures shared with the tests of other modules: a PKI in a temporary directory. */
package org.sdqkd.qkd.node.testing;
