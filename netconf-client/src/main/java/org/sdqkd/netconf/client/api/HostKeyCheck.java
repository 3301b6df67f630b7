package org.sdqkd.netconf.client.api;

import java.net.SocketAddress;
import java.security.PublicKey;

/**
 * A decision on a server's SSH host key made by the client's user (RFC 4253 section 8), such as a check against a
 * pinned fingerprint or an application's own known-hosts store. Called on an SSH I/O thread during the key exchange:
 * it must answer quickly and not block.
 */
@FunctionalInterface
public interface HostKeyCheck {
    /**
     * Whether to trust the host key the server presented.
     *
     * @param remote the server's address
     * @param key    the host key the server presented
     * @return true to go on with the connection, false to refuse it
     */
    boolean accept(SocketAddress remote, PublicKey key);
}
