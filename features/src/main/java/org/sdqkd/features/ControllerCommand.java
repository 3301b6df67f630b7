package org.sdqkd.features;

import java.io.IOException;
import java.io.PrintWriter;
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
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Controller.Builder builder;
        try {
            builder = Controller.load(config);
        } catch (ControllerConfigException e) {
            err.println("sdqkd controller: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (restconfPort != null) {
            if (restconfPort < 0 || restconfPort > 0xFFFF) {
                err.println("sdqkd controller: --restconf-port is out of range 0..65535");
                err.flush();
                return 2;
            }
            builder.restconfPort(restconfPort);
        }
        final Controller controller;
        try {
            controller = builder.start();
        } catch (IOException | RuntimeException e) {
            err.println("sdqkd controller: cannot start: " + e.getMessage());
            err.flush();
            return 1;
        }
        final UntilSignal signal = UntilSignal.install("controller", controller::close, err);
        out.printf("sdqkd controller: RESTCONF on %s (the network: %s/data/sdqkd-network:network)%n",
            controller.restconfRoot(), controller.restconfRoot());
        out.flush();
        signal.await();
        return 0;
    }
}
