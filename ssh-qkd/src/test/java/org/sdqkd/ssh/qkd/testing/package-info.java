/** Test fixtures shared with the modules that use the hybrid key exchange: an in-memory pair of KMEs. */
package org.sdqkd.ssh.qkd.testing;
