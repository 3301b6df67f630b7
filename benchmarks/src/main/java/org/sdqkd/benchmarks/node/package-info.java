/**
 * Benchmarks of the QKD node's agent bridge (ETSI GS QKD 015): the cost of writing the node's operational state.
 */
package org.sdqkd.benchmarks.node;
