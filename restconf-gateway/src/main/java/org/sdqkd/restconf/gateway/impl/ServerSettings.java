package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Everything the gateway is started with besides its datastores and models.
 *
 * @param address where to listen; port 0 picks a free port
 * @param tls     the TLS identity; empty for plain HTTP (which the caller has allowed explicitly)
 * @param users   who may log in; empty when requests are not authenticated (loopback tests and tools only)
 * @param limits  request sizes, nesting, timeouts and connections
 */
public record ServerSettings(InetSocketAddress address, Optional<TlsSettings> tls, Optional<Users> users,
        Limits limits, boolean tfsCompatible) {
    /**
     * Checks the components.
     *
     * @param address where to listen
     * @param tls     the TLS identity, if any
     * @param users   the users, if requests are authenticated
     * @param limits  the limits
     * @param tfsCompatible whether TeraFlowSDN's QKD driver's habits are accepted
     */
    public ServerSettings {
        requireNonNull(address, "address");
        requireNonNull(tls, "tls");
        requireNonNull(users, "users");
        requireNonNull(limits, "limits");
    }
}
