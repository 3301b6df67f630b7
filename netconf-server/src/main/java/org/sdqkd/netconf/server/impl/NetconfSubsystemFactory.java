package org.sdqkd.netconf.server.impl;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;

/**
 * The {@code netconf} SSH subsystem (RFC 6242 section 3): creates one {@link NetconfSubsystem} per channel that asks
 * for it, allocates the NETCONF session-ids and keeps the number of sessions within the configured maximum. A request
 * beyond the maximum is refused with a channel request failure.
 */
final class NetconfSubsystemFactory implements SubsystemFactory {

    /** The subsystem name RFC 6242 section 3 registers. */
    static final String NAME = "netconf";

    private final SessionHandler handler;
    private final int maxSessions;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(1);

    /**
     * Creates the factory.
     *
     * @param handler what serves the sessions
     * @param maxSessions the most sessions open at once
     */
    NetconfSubsystemFactory(SessionHandler handler, int maxSessions) {
        this.handler = handler;
        this.maxSessions = maxSessions;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
        int count;
        do {
            count = open.get();
            if (count >= maxSessions) {
                throw new IOException("too many NETCONF sessions (" + maxSessions + ")");
            }
        } while (!open.compareAndSet(count, count + 1));
        return new NetconfSubsystem(handler, this);
    }

    /**
     * Allocates the next session-id.
     *
     * @return a session-id not given out before
     * @throws IOException when all 2^32 - 1 have been given out
     */
    long allocateSessionId() throws IOException {
        long id = nextId.getAndIncrement();
        if (id > SessionInfo.MAX_SESSION_ID) {
            throw new IOException("NETCONF session-ids exhausted");
        }
        return id;
    }

    /** Gives back the place of a session that ended; called once per {@link NetconfSubsystem}. */
    void release() {
        open.decrementAndGet();
    }
}
