package org.sdqkd.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.qkd.node.api.NodeRestconf;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.qkd.node.QkdNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdqkd node --config FILE}: runs one SD-QKD node (NETCONF agent, emulated QKD links, ETSI GS QKD 014 KME) as
 * its YAML configuration says (see {@link NodeConfig}) until SIGINT or SIGTERM.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {
        // the first line is the man page's NAME line (whatis): one whole sentence
        "Run an SD-QKD node until SIGINT or SIGTERM.",
        "The node is its NETCONF agent (ETSI GS QKD 015 qkd_node), its emulated QKD links, its ETSI GS QKD 014 KME",
        "(HTTPS, mutual TLS), and RESTCONF when its file has a restconf: section. Prints its endpoints once it runs.",
        "A commented three-node example is in config/node/ of the archive, /usr/share/doc/sdqkd/examples/node/ of",
        "the Debian package and features/src/main/config/node/ of the sources."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:stopped by SIGINT or SIGTERM, the node closed cleanly",
        "1:the node could not start (port in use, unreadable file, invalid initial configuration)",
        "2:usage error or invalid configuration"
    })
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--netconf-port", paramLabel = "PORT",
        description = "Serve NETCONF on this port instead of the configured one; 0 picks a free port.")
    private Integer netconfPort;

    @Option(names = "--kme-port", paramLabel = "PORT",
        description = "Serve the KME on this port instead of the configured one; 0 picks a free port.")
    private Integer kmePort;

    @Option(names = "--restconf-port", paramLabel = "PORT",
        description = "Serve RESTCONF on this port instead of the configured one (only with a restconf: section); "
            + "0 picks a free port.")
    private Integer restconfPort;

    @Option(names = "--ready-file", paramLabel = "FILE",
        description = "Once running, write the bound ports here as JSON (for scripts and the demo).")
    private Path readyFile;

    @Option(names = "--stop-with", paramLabel = "PID",
        description = "Stop, as on SIGTERM, once the process PID has ended (the demo passes its own, so that its "
            + "nodes never outlive it, even when it is killed).")
    private Long stopWith;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final CommandConsole console = CommandConsole.of("node", spec);
        final PrintWriter out = console.out();
        final PrintWriter err = console.err();
        NodeConfig loaded;
        try {
            loaded = NodeConfig.load(config);
        } catch (ConfigException e) {
            return console.fail(2, e.getMessage());
        }
        if (netconfPort != null || kmePort != null) {
            final int ncPort = netconfPort != null ? netconfPort : loaded.settings().netconf().ssh().port();
            final int kPort = kmePort != null ? kmePort : loaded.settings().kmePort();
            if (ncPort < 0 || ncPort > 0xFFFF || kPort < 0 || kPort > 0xFFFF) {
                return console.fail(2, "a port is out of range 0..65535");
            }
            loaded = loaded.withPorts(ncPort, kPort);
        }
        if (restconfPort != null) {
            if (restconfPort < 0 || restconfPort > 0xFFFF || loaded.settings().restconf().isEmpty()) {
                return console.fail(2, "--restconf-port needs a restconf: section and a port in 0..65535");
            }
            loaded = loaded.withRestconfPort(restconfPort);
        }
        final NodeSettings settings = loaded.settings();
        final QkdNode node;
        try {
            node = QkdNode.start(settings);
        } catch (IOException | RuntimeException e) {
            return console.fail(1, "cannot start " + settings.name() + ": " + e.getMessage());
        }
        final Optional<RestconfGateway> gateway;
        try {
            gateway = startRestconf(node, settings);
        } catch (IOException | RuntimeException e) {
            node.close();
            return console.fail(1, "cannot start RESTCONF for " + settings.name() + ": " + e.getMessage());
        }
        final UntilSignal signal = UntilSignal.install("node", () -> {
            gateway.ifPresent(RestconfGateway::close);
            node.close();
        }, err);
        if (stopWith != null) {
            stopWith(stopWith, settings.name(), err);
        }
        out.printf("sdqkd node %s (%s): NETCONF over SSH on %s:%d, ETSI GS QKD 014 KME on https://%s:%d%n",
            settings.name(), settings.nodeId(), settings.netconf().ssh().bindAddress(), node.netconfPort(),
            settings.kmeAddress(), node.kmePort());
        gateway.ifPresent(g -> out.printf("sdqkd node %s: RESTCONF%s on %s%n", settings.name(),
            settings.restconf().orElseThrow().tfsCompatible() ? " (TeraFlowSDN-compatible)" : "", g.restconfRoot()));
        for (Map.Entry<UUID, Integer> link : node.linkPorts().entrySet()) {
            out.printf("sdqkd node %s: QKD link %s listening on port %d%n", settings.name(), link.getKey(),
                link.getValue());
        }
        out.flush();
        if (readyFile != null) {
            try {
                writeReady(node, settings, gateway);
            } catch (IOException e) {
                err.println("sdqkd node: cannot write " + readyFile + ": " + e.getMessage());
                err.flush();
            }
        }
        signal.await();
        return 0;
    }

    /**
     * Starts the node's RESTCONF gateway on its datastores when the configuration has a restconf: section, and
     * publishes the node's notifications on the gateway's event stream. HTTPS uses the section's TLS identity or
     * else the node's own (the KME's); logins are HTTP Basic against the node agent's users that have a password
     * hash, and client certificates mapped to those users.
     */
    static Optional<RestconfGateway> startRestconf(final QkdNode node, final NodeSettings settings)
            throws IOException {
        if (settings.restconf().isEmpty()) {
            return Optional.empty();
        }
        final NodeRestconf restconf = settings.restconf().orElseThrow();
        final RestconfGateway.Builder builder = RestconfGateway.builder(node.datastores(), node.models())
            .listen(restconf.address(), restconf.port());
        if (restconf.plainHttp()) {
            builder.plainHttp();
            if (restconf.plainHttpBeyondLoopback()) {
                builder.plainHttpBeyondLoopback();
            }
        } else {
            final TlsIdentity identity = restconf.tls().orElse(settings.tls());
            builder.tls(identity.keyStore(), identity.keyStorePassword(), identity.trustStore());
        }
        if (restconf.unauthenticated()) {
            builder.unauthenticated();
        } else {
            final Map<String, PasswordHash> passwords = new LinkedHashMap<>();
            for (SshUser user : settings.netconf().ssh().users()) {
                user.password().ifPresent(hash -> passwords.put(user.name(), hash));
            }
            builder.passwords(passwords);
            if (!restconf.clientCertificates().isEmpty()) {
                builder.clientCertificates(restconf.clientCertificates());
            }
        }
        if (restconf.tfsCompatible()) {
            builder.tfsCompatible();
        }
        final RestconfGateway gateway = builder.start();
        // the node's ETSI GS QKD 015 notifications go to the gateway's event stream too; the listener lasts as long
        // as the node, and a closed gateway drops what it still gets
        node.onNotification(body -> gateway.notifications().publish(body, Instant.now()));
        return Optional.of(gateway);
    }

    /** Ends this process, through its shutdown hook, once the process {@code pid} has ended (or now if it has). */
    private static void stopWith(final long pid, final String name, final PrintWriter err) {
        final Runnable stop = () -> {
            err.println("sdqkd node " + name + ": process " + pid + " ended; stopping");
            err.flush();
            Runtime.getRuntime().exit(0);
        };
        ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(stop), stop);
    }

    /** Writes the ports as JSON, atomically, so a reader never sees half a file. */
    private void writeReady(final QkdNode node, final NodeSettings settings, final Optional<RestconfGateway> gateway)
            throws IOException {
        final ObjectMapper mapper = new ObjectMapper();
        final ObjectNode ready = mapper.createObjectNode();
        ready.put("name", settings.name());
        ready.put("node-id", settings.nodeId().toString());
        ready.put("netconf-port", node.netconfPort());
        ready.put("kme-port", node.kmePort());
        gateway.ifPresent(g -> ready.put("restconf-port", g.port()));
        final ObjectNode links = ready.putObject("link-ports");
        node.linkPorts().forEach((id, port) -> links.put(id.toString(), port));
        final Path target = readyFile.toAbsolutePath();
        final Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(ready));
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
