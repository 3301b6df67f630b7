/**
 * The hybrid methods on MINA's own key exchange classes ({@code DHGClient}, {@code DHGServer}, {@code XDH},
 * {@code BuiltinKEM.mlkem768}), the per-connection method offer, and the ETSI GS QKD 014 key source.
 */
package org.sdqkd.ssh.qkd.impl;
