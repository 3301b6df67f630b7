package org.sdqkd.benchmarks.controller;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sdqkd.benchmarks.restconf.HttpConnection;
import org.sdqkd.testsupport.peers.FreePorts;
import org.sdqkd.testsupport.peers.OdlController;

/**
 * OpenDaylight's controller (lighty.io 21.1.0: MD-SAL, the NETCONF connector, RESTCONF), the {@code odl-peer} module's
 * program in a JVM of its own with the JVM's default options, as lighty.io's RESTCONF-NETCONF application runs. Its
 * devices are mounted as OpenDaylight's users do: a PUT of each node into the {@code topology-netconf} topology.
 *
 * @param classPath the program's class path ({@link OdlController#classPath()})
 * @param java the java command
 */
record OdlContender(String classPath, String java) implements Contender {
    private static final String TOPOLOGY =
        "/restconf/data/network-topology:network-topology/topology=topology-netconf/node=";

    /** Checks the components. */
    OdlContender {
        requireNonNull(classPath);
        requireNonNull(java);
    }

    @Override
    public String name() {
        return "OpenDaylight";
    }

    @Override
    public ControllerProcess launch(final Path directory, final List<Device> devices) throws IOException {
        final int port = FreePorts.one();
        final Path argFile = directory.resolve("java.args");
        // the class path is some 40 KB: an argument file keeps it off the command line
        Files.writeString(argFile, "-cp \"" + classPath + "\"\n", UTF_8);
        return ControllerProcess.launch(List.of(java, "--enable-native-access=ALL-UNNAMED", "@" + argFile,
            "org.sdqkd.odl.peer.OdlPeer", Integer.toString(port), Integer.toString(FreePorts.one())), Map.of(),
            directory, port);
    }

    @Override
    public void mount(final ControllerProcess controller, final List<Device> devices) throws IOException {
        try (HttpConnection connection = new HttpConnection(new InetSocketAddress("127.0.0.1", controller.port()))) {
            for (Device device : devices) {
                // OpenDaylight's own model (network-topology with netconf-node-topology), which sdqkd has no
                // bindings of: the body is written as its RESTCONF users write it
                final String body = "{\"network-topology:node\":[{\"node-id\":\"" + device.id()
                    + "\",\"netconf-node-topology:netconf-node\":{\"host\":\"" + device.endpoint().host()
                    + "\",\"port\":" + device.endpoint().port() + ",\"tcp-only\":false,"
                    + "\"login-password-unencrypted\":{\"username\":\"" + device.endpoint().user()
                    + "\",\"password\":\"" + device.endpoint().password() + "\"}}}]}";
                final int status = connection.exchange(connection.request("PUT", TOPOLOGY + device.id(),
                    body.getBytes(UTF_8)), true, false).status();
                if (status != 201 && status != 204 && status != 200) {
                    throw new IOException("OpenDaylight refused the node " + device.id() + ": HTTP " + status);
                }
            }
        }
    }

    @Override
    public String probe(final Device device) {
        return TOPOLOGY + device.id() + "/yang-ext:mount/probe-test:probe?content=config";
    }
}
