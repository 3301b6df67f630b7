package org.sdqkd.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdqkd.controller.Controller;
import org.sdqkd.controller.api.ControllerConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdqkd controller --config FILE}: runs the SD-QKD controller (its datastore of the network, RESTCONF, and a
 * NETCONF session to every configured node) as its YAML configuration says, until SIGINT or SIGTERM.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
    description = {
        "Run the SD-QKD controller: the network's nodes and links in its own datastore, served over RESTCONF, and a",
        "NETCONF session to every node (hybrid QKD SSH key exchange by default, host keys pinned or known), until",
        "SIGINT or SIGTERM. features/src/main/config/controller/controller.yaml is a commented example."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:stopped by SIGINT or SIGTERM, the controller closed cleanly",
        "1:the controller could not start (port in use, datastore in use, invalid initial network)",
        "2:usage error or invalid configuration"
    })
final class ControllerCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--restconf-port", paramLabel = "PORT",
        description = "Serve RESTCONF on this port instead of the configured one; 0 picks a free port.")
    private Integer restconfPort;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final CommandConsole console = CommandConsole.of("controller", spec);
        final Controller.Builder builder;
        try {
            builder = Controller.load(config);
        } catch (ControllerConfigException e) {
            return console.fail(2, e.getMessage());
        }
        if (!CommandConsole.validPort(restconfPort)) {
            return console.fail(2, "--restconf-port is out of range 0..65535");
        }
        if (restconfPort != null) {
            builder.restconfPort(restconfPort);
        }
        final Controller controller;
        try {
            controller = builder.start();
        } catch (IOException | RuntimeException e) {
            return console.fail(1, "cannot start: " + e.getMessage());
        }
        final UntilSignal signal = UntilSignal.install("controller", controller::close, console.err());
        return console.runUntilSignal(signal, String.format(
            "sdqkd controller: RESTCONF on %s (the network: %s/data/sdqkd-network:network)",
            controller.restconfRoot(), controller.restconfRoot()));
    }
}
