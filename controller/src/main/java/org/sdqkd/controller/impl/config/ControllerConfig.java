package org.sdqkd.controller.impl.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;

/**
 * The controller's configuration, as read from its YAML file by {@link ControllerConfigReader}.
 *
 * @param datastore   the directory of the controller's persisted datastore
 * @param restconf    the RESTCONF server
 * @param connections the sessions to the nodes
 * @param network     the network written to the datastore when it holds none (the first start)
 */
public record ControllerConfig(Path datastore, RestconfSettings restconf, ConnectionSettings connections,
        Optional<Network> network) {
    /**
     * Checks the components.
     *
     * @param datastore   the datastore directory
     * @param restconf    the RESTCONF server
     * @param connections the sessions
     * @param network     the initial network
     */
    public ControllerConfig {
        requireNonNull(datastore);
        requireNonNull(restconf);
        requireNonNull(connections);
        requireNonNull(network);
    }
}
