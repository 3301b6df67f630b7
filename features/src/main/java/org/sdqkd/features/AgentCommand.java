package org.sdqkd.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd agent --config FILE [--port PORT]}: runs the NETCONF agent over SSH as its YAML configuration says
 * (see {@link AgentConfig}) until SIGINT or SIGTERM, then closes it and exits with status 0.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {
        "Run the NETCONF agent (NETCONF over SSH, RFC 6242) on a datastore directory until SIGINT or SIGTERM.",
        "Prints one line with the address, port, host key fingerprint and datastore directory once it listens.",
        "The configuration is YAML; features/src/main/config/agent.yaml explains every key."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:stopped by SIGINT or SIGTERM, the agent closed cleanly",
        "1:the agent could not start (port in use, unreadable host key or datastore) or did not close cleanly",
        "2:usage error or invalid configuration"
    })
final class AgentCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--port", paramLabel = "PORT",
        description = "Listen on this port instead of the configured one; 0 picks a free port.")
    private Integer port;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final CommandConsole console = CommandConsole.of("agent", spec);
        AgentConfig settings;
        try {
            settings = AgentConfig.load(config);
        } catch (ConfigException e) {
            return console.fail(2, e.getMessage());
        }
        if (!CommandConsole.validPort(port)) {
            return console.fail(2, "--port: " + port + " is out of range 0..65535");
        }
        if (port != null) {
            settings = settings.withPort(port);
        }
        AgentSettings agentSettings = settings.settings();
        final CloseableKeySource keySource;
        if (settings.sshQkdIdentity().isPresent()) {
            final SshQkdConfig qkd = settings.sshQkd().orElseThrow();
            final TlsIdentity identity = settings.sshQkdIdentity().orElseThrow();
            keySource = QkdKeySources.etsi014(qkd.kmeUrl().orElseThrow(), identity.sslContext(),
                qkd.localSaeId().or(() -> TlsIdentity.commonName(identity.certificate())).orElseThrow(),
                qkd.timeout());
            agentSettings = agentSettings.withSsh(agentSettings.ssh().withQkd(new ServerQkd(qkd.settings(),
                keySource)));
        } else {
            keySource = null;
        }
        final NetconfAgent agent;
        try {
            agent = NetconfAgent.start(agentSettings);
        } catch (IOException | StorageException | IllegalArgumentException e) {
            if (keySource != null) {
                keySource.close();
            }
            return console.fail(1, "cannot start: " + e.getMessage());
        }
        final UntilSignal signal = UntilSignal.install("agent", () -> {
            agent.close();
            if (keySource != null) {
                keySource.close();
            }
        }, console.err());
        // the shutdown hook ends the process (with status 0 once the agent is closed); this thread only waits
        return console.runUntilSignal(signal, String.format(
            "sdqkd agent: NETCONF over SSH on %s:%d (host key %s), datastore %s",
            hostForUri(settings.ssh().bindAddress()), agent.port(),
            HostKeyFingerprint.of(settings.ssh().hostKeyFile()).orElse(settings.ssh().hostKeyFile().toString()),
            settings.datastoreDirectory()));
    }

    private static String hostForUri(final String address) {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }
}
