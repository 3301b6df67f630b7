package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.TransportSession;

/**
 * The NETCONF layer's side of each {@code netconf} channel: registers an {@link AgentSession}, exchanges the
 * hellos, marks it started and serves its requests with the dispatcher; reports the channel's end to the registry.
 */
final class NetconfSessionHandler implements SessionHandler {
    private final SessionRegistry registry;
    private final SessionEvents events;
    private final HelloExchange hellos;
    private final RpcDispatcher dispatcher;
    private final MessageCodec codec;
    private final Statistics statistics;

    /**
     * Creates the handler.
     *
     * @param registry   the agent's sessions
     * @param events     the starts and ends of sessions
     * @param hellos     the hello exchange
     * @param dispatcher the operations
     * @param codec      the message codec
     * @param statistics the agent's counters, which each session's count into
     */
    NetconfSessionHandler(final SessionRegistry registry, final SessionEvents events, final HelloExchange hellos,
            final RpcDispatcher dispatcher, final MessageCodec codec, final Statistics statistics) {
        this.registry = requireNonNull(registry);
        this.events = requireNonNull(events);
        this.hellos = requireNonNull(hellos);
        this.dispatcher = requireNonNull(dispatcher);
        this.codec = requireNonNull(codec);
        this.statistics = requireNonNull(statistics);
    }

    @Override
    public void serve(final TransportSession transport) throws IOException {
        final AgentSession session = new AgentSession(transport, codec, statistics.newSession());
        if (!registry.register(session)) {
            return;
        }
        final MessageReader reader = new MessageReader(transport.input());
        try {
            final Optional<HelloExchange.Framings> framings = hellos.exchange(session, reader);
            if (framings.isEmpty()) {
                return;
            }
            events.started(session);
            session.serve(framings.orElseThrow(), reader, dispatcher);
        } catch (FramingException e) {
            session.failed(e);
        }
    }

    @Override
    public void sessionClosed(final SessionInfo session) {
        events.ended(session);
    }
}
