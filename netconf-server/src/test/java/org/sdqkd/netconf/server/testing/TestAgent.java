package org.sdqkd.netconf.server.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.api.SessionId;
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
    /** The users of an agent with NACM, each with its name as password (the example roles' users, and oper). */
    public static final List<String> NACM_USERS = List.of(USER, OTHER_USER, "noc", "orchestrator");

    private final Path directory;
    private final boolean ownsDirectory;
    private NetconfAgent agent;
    private final SshServerConfig ssh;
    private final UnaryOperator<AgentSettings> settings;
    private final boolean nacm;

    private TestAgent(final Path directory, final boolean ownsDirectory, final int port,
            final UnaryOperator<AgentSettings> settings) {
        this(directory, ownsDirectory, port, settings, List.of(USER, OTHER_USER), false);
    }

    private TestAgent(final Path directory, final boolean ownsDirectory, final int port,
            final UnaryOperator<AgentSettings> settings, final List<String> users, final boolean nacm) {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.settings = settings;
        this.nacm = nacm;
        this.ssh = new SshServerConfig("127.0.0.1", port, directory.resolve("host-key"),
            users.stream().map(TestAgent::user).toList(), Duration.ofMinutes(5), 64, 10, Duration.ofSeconds(30));
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

    /**
     * Starts an agent with RFC 8341 access control on a given directory, kept on close, whose running datastore
     * first gets the given XML documents (such as the example roles) from the agent itself (the recovery session).
     * Its users are {@link #NACM_USERS}.
     *
     * @param directory where the agent keeps its files
     * @param documents the XML documents merged into running before the agent serves
     * @return the running agent
     */
    public static TestAgent startWithNacm(final Path directory, final List<String> documents)
            throws IOException, StorageException {
        final TestAgent test = new TestAgent(directory, false, 0, UnaryOperator.identity(), NACM_USERS, true);
        final AgentSettings settings = AgentSettings.of(test.ssh, directory.resolve("datastores"));
        final InstanceDocumentCodec codec = YangModels.documentCodec(settings.models());
        try (Datastores datastores = Datastores.open(directory.resolve("datastores"), settings.models());
             DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            for (String document : documents) {
                tx.merge(YangInstanceIdentifier.of(), codec.read(new StringReader(document), DocumentFormat.XML));
            }
            tx.commit();
        } catch (DocumentException | DatastoreException e) {
            throw new IllegalArgumentException("the documents cannot be stored: " + e.getMessage(), e);
        }
        test.restart();
        return test;
    }

    /** Stops the agent, if running, and starts it again on the same directory and a new port. */
    public void restart() throws IOException, StorageException {
        if (agent != null) {
            agent.close();
        }
        agent = NetconfAgent.start(settings.apply(AgentSettings.of(ssh, directory.resolve("datastores"))), nacm);
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
