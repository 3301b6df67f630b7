package org.sdqkd.netconf.interop.tools;

import java.io.IOException;
import java.nio.file.Path;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.netconf.server.testing.TestAgent;

/** A running NETCONF server the interop tools connect to over SSH with a password, on 127.0.0.1. */
public interface AgentUnderTest extends AutoCloseable {

    /**
     * Starts sdqkd's NETCONF agent with its models and a password user.
     *
     * @param workDir a directory the agent may keep its files in
     * @return the running agent
     */
    static AgentUnderTest start(final Path workDir) {
        final TestAgent agent;
        try {
            agent = TestAgent.start(workDir);
        } catch (IOException | StorageException e) {
            throw new IllegalStateException("cannot start the agent in " + workDir, e);
        }
        return new AgentUnderTest() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return agent.port();
            }

            @Override
            public String user() {
                return TestAgent.USER;
            }

            @Override
            public String password() {
                return TestAgent.USER;
            }

            @Override
            public void close() {
                agent.close();
            }
        };
    }

    /**
     * Presents a server started elsewhere, such as a {@link org.sdqkd.testsupport.peers.NetconfdPeer}, to the
     * tool runners. Closing the result does nothing: whoever started the server stops it.
     *
     * @param endpoint where the server listens and the password it accepts
     * @return the server as the tools see it
     */
    static AgentUnderTest at(final NetconfEndpoint endpoint) {
        return new AgentUnderTest() {
            @Override
            public String host() {
                return endpoint.host();
            }

            @Override
            public int port() {
                return endpoint.port();
            }

            @Override
            public String user() {
                return endpoint.user();
            }

            @Override
            public String password() {
                return endpoint.password();
            }
        };
    }

    /** @return the address the server listens on */
    String host();

    /** @return the SSH port */
    int port();

    /** @return the SSH user */
    String user();

    /** @return the user's password */
    String password();

    /** Stops the server; by default nothing to stop. */
    @Override
    default void close() {
        // nothing to stop
    }
}
