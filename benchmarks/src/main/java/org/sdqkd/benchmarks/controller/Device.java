package org.sdqkd.benchmarks.controller;

import static java.util.Objects.requireNonNull;

import org.sdqkd.testsupport.peers.NetconfEndpoint;

/**
 * A simulated device as both controllers are told of it.
 *
 * @param id its node id (a UUID, as {@code sdqkd-network} wants it)
 * @param endpoint where its NETCONF server is, and the login
 * @param hostKey the OpenSSH SHA256 fingerprint of its host key, which sdqkd's controller pins
 */
record Device(String id, NetconfEndpoint endpoint, String hostKey) {
    /** Checks the components. */
    Device {
        requireNonNull(id);
        requireNonNull(endpoint);
        requireNonNull(hostKey);
    }
}
