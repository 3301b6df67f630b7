package org.sdqkd.benchmarks.controller;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sdqkd.testsupport.peers.FreePorts;

/**
 * sdqkd's controller, started by the launcher as an operator starts it ({@code sdqkd controller --config FILE}, with
 * the launcher's JVM options), on the distribution as built ({@code SDQKD_NO_BUILD=1}). Its configuration: a datastore
 * in the run's directory, RESTCONF on 127.0.0.1 over plain HTTP without users, and the devices as nodes of its
 * {@code network:} with standard SSH key exchange (the simulator has no KME) and their host key pinned.
 */
record SdqkdContender(Path root) implements Contender {
    /** The node's mount point under the network's RESTCONF resource. */
    private static final String NODE = "/restconf/data/sdqkd-network:network/node=";

    /** Checks the component. */
    SdqkdContender {
        requireNonNull(root);
    }

    @Override
    public String name() {
        return "sdqkd";
    }

    @Override
    public ControllerProcess launch(final Path directory, final List<Device> devices) throws IOException {
        final int port = FreePorts.one();
        final Path password = directory.resolve("password");
        final Path config = directory.resolve("controller.yaml");
        final String login = devices.isEmpty() ? "bench" : devices.get(0).endpoint().password();
        Files.writeString(password, login + "\n", UTF_8);
        final StringBuilder yaml = new StringBuilder()
            .append("datastore: datastore\n")
            .append("restconf:\n  listen: {address: 127.0.0.1, port: ").append(port).append("}\n")
            .append("  plain-http: true\n  unauthenticated: true\n")
            .append("ssh:\n  password-file: password\n  connect-timeout: 120000\n");
        if (!devices.isEmpty()) {
            yaml.append("network:\n  node:\n");
            for (Device device : devices) {
                yaml.append("    - node-id: ").append(device.id()).append('\n')
                    .append("      name: device-").append(device.endpoint().port()).append('\n')
                    .append("      netconf: {host: ").append(device.endpoint().host())
                    .append(", port: ").append(device.endpoint().port())
                    .append(", username: ").append(device.endpoint().user())
                    .append(", key-exchange: 'off', host-key: '").append(device.hostKey()).append("'}\n");
            }
        }
        Files.writeString(config, yaml, UTF_8);
        return ControllerProcess.launch(List.of(root.resolve("sdqkd").toString(), "controller", "--config",
            config.toString()), Map.of("SDQKD_NO_BUILD", "1"), directory, port);
    }

    @Override
    public void mount(final ControllerProcess controller, final List<Device> devices) {
        // configured before the start: the controller connects and mounts them itself
    }

    @Override
    public String probe(final Device device) {
        return NODE + device.id() + "/yang-ext:mount/probe-test:probe?content=config";
    }
}
