package org.sdqkd.netconf.interop.tools;

import java.nio.file.Path;

/** A running NETCONF server the interop tools connect to over SSH with a password, on 127.0.0.1. */
public interface AgentUnderTest extends AutoCloseable {

    /**
     * Starts sdqkd's NETCONF agent with its models and a password user.
     *
     * @param workDir a directory the agent may keep its files in
     * @return the running agent
     */
    static AgentUnderTest start(final Path workDir) {
        throw new UnsupportedOperationException("agent not merged yet");
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
