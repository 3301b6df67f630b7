package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.TransportSession;

/** The NETCONF layer of the agent: serves each {@code netconf} channel as a session of one {@link AgentCore}. */
public final class NetconfSessionHandler implements SessionHandler {
    private final AgentCore core;

    /**
     * Creates the handler.
     *
     * @param core what the sessions share
     */
    public NetconfSessionHandler(final AgentCore core) {
        this.core = requireNonNull(core);
    }

    @Override
    public void serve(final TransportSession session) throws IOException {
        final AgentSession served = new AgentSession(core, session);
        if (core.register(served)) {
            served.run();
        }
    }

    @Override
    public void sessionClosed(final SessionInfo session) {
        core.sessionEnded(session);
    }
}
