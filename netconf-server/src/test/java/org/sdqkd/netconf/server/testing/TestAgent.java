package org.sdqkd.netconf.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;

/**
 * An agent for tests: loopback, port 0, a datastore directory of its own, and two password users,
 * {@code admin}/{@code admin} and {@code oper}/{@code oper}, hashed with few iterations so that logins are fast.
 */
public final class TestAgent implements AutoCloseable {
    /** The first user's name and password. */
    public static final String USER = "admin";
    /** The second user's name and password. */
    public static final String OTHER_USER = "oper";

    private final Path directory;
    private final boolean ownsDirectory;
    private NetconfAgent agent;
    private final SshServerConfig ssh;
    private final UnaryOperator<AgentSettings> settings;

    private TestAgent(final Path directory, final boolean ownsDirectory, final int port,
            final UnaryOperator<AgentSettings> settings) {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.settings = settings;
        this.ssh = new SshServerConfig("127.0.0.1", port, directory.resolve("host-key"),
            List.of(user(USER), user(OTHER_USER)), Duration.ofMinutes(5), 64, 10, Duration.ofSeconds(30));
    }

    private static SshUser user(final String name) {
        return SshUser.withPassword(name, PasswordHash.hash(name.toCharArray(), PasswordHash.MIN_ITERATIONS));
    }

    /** Starts an agent on a new temporary directory, deleted on close. */
    public static TestAgent start() throws IOException, StorageException {
        return start(UnaryOperator.identity());
    }

    /**
     * Starts an agent on a new temporary directory, deleted on close, with changed settings (such as
     * {@link AgentSettings#withLimits}).
     */
    public static TestAgent start(final UnaryOperator<AgentSettings> settings) throws IOException,
            StorageException {
        final TestAgent test = new TestAgent(Files.createTempDirectory("sdqkd-agent"), true, 0, settings);
        test.restart();
        return test;
    }

    /** Starts an agent on a given directory, kept on close. */
    public static TestAgent start(final Path directory) throws IOException, StorageException {
        final TestAgent test = new TestAgent(directory, false, 0, UnaryOperator.identity());
        test.restart();
        return test;
    }

    /** Stops the agent, if running, and starts it again on the same directory and a new port. */
    public void restart() throws IOException, StorageException {
        if (agent != null) {
            agent.close();
        }
        agent = NetconfAgent.start(settings.apply(AgentSettings.of(ssh, directory.resolve("datastores"))));
    }

    /** Stops the agent without deleting its directory; {@link #restart()} starts it again. */
    public void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    public NetconfAgent agent() {
        return agent;
    }

    public int port() {
        return agent.port();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        stop();
        if (ownsDirectory) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
