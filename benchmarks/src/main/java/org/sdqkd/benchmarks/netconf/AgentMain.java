package org.sdqkd.benchmarks.netconf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;

/**
 * The sdqkd agent of the NETCONF benchmark, run in a JVM of its own by {@link AgentProcess}: loopback, a free
 * port, one password user, the class path's models plus probe-test, datastores in the directory given as the
 * first argument. Prints {@value #PORT_LINE}{@code <port>} once it listens and stops when its standard input
 * ends (the driver closes it, or dies).
 */
public final class AgentMain {
    /** The line prefix that announces the port. */
    static final String PORT_LINE = "sdqkd-agent-port=";
    /** The user's name (and password). */
    static final String USER = "bench";

    private AgentMain() {
        // no instances
    }

    /**
     * Runs the agent until standard input ends.
     *
     * @param args the directory for the host key and the datastores
     * @throws Exception if the agent cannot start
     */
    public static void main(final String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AgentMain <directory>");
        }
        final Path directory = Path.of(args[0]);
        final SshServerConfig ssh = new SshServerConfig("127.0.0.1", 0, directory.resolve("host-key"),
            List.of(SshUser.withPassword(USER, PasswordHash.hash(USER.toCharArray(), PasswordHash.MIN_ITERATIONS))),
            Duration.ofMinutes(30), 512, 10, Duration.ofSeconds(60));
        final AgentSettings settings = new AgentSettings(ssh, directory.resolve("datastores"),
            ProbeModels.withProbeTest(), XmlLimits.DEFAULT, AgentSettings.DEFAULT_MAX_MESSAGE_BYTES,
            AgentSettings.DEFAULT_HELLO_TIMEOUT);
        try (NetconfAgent agent = NetconfAgent.start(settings)) {
            final PrintStream out = new PrintStream(System.out, true, UTF_8);
            out.println(PORT_LINE + agent.port());
            awaitEndOfInput(System.in);
        }
    }

    private static void awaitEndOfInput(final InputStream in) throws IOException {
        final byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is expected on standard input; its end is the signal to stop
        }
    }
}
