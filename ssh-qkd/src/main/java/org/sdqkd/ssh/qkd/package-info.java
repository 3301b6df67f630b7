/**
 * The entry points of the hybrid classical + QKD SSH key exchange: {@link org.sdqkd.ssh.qkd.SshQkd} installs it on a
 * MINA SSHD client or server, {@link org.sdqkd.ssh.qkd.QkdKeySources} builds the ETSI GS QKD 014 key sources. The only
 * package that wires the implementation; the contracts are in {@code org.sdqkd.ssh.qkd.api}.
 */
package org.sdqkd.ssh.qkd;
