/**
 * The hybrid classical + QKD SSH key exchange: the methods ({@link org.sdqkd.ssh.qkd.api.HybridMethod}), their
 * settings and policy, the key source they take QKD keys from ({@link org.sdqkd.ssh.qkd.api.QkdKeySource}, with the
 * ETSI GS QKD 014 one from {@link org.sdqkd.ssh.qkd.QkdKeySources}), and {@link org.sdqkd.ssh.qkd.SshQkd},
 * which installs them into Apache MINA SSHD servers and clients and reports each connection's exchanges.
 */
package org.sdqkd.ssh.qkd.api;
