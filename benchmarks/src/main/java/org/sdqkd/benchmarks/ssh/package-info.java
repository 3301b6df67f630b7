/** The NETCONF handshake driver: SSH key exchange methods compared, the hybrid QKD ones with real KMEs. */
package org.sdqkd.benchmarks.ssh;
