package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hello exchange that opens a session (RFC 6241 section 8.1, RFC 6242 section 4.1): the server's hello with
 * the session-id and capabilities, then the client's, read in end-of-message framing within the hello timeout and
 * decoded once. A first message that is not a hello, a client hello with a session-id, no common base version or
 * no hello in time is a bad hello, and the session closes.
 */
final class HelloExchange {
    private static final Logger LOG = LoggerFactory.getLogger(HelloExchange.class);

    /**
     * The framings the hellos chose, one per direction (chunked when both announce base:1.1).
     *
     * @param input  the framing of what the client sends
     * @param output the framing of what the server sends
     */
    record Framings(Framing input, Framing output) {
        Framings {
            requireNonNull(input);
            requireNonNull(output);
        }
    }

    private final MessageCodec codec;
    private final List<URI> capabilities;
    private final int maxMessageBytes;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Statistics statistics;

    HelloExchange(final MessageCodec codec, final List<URI> capabilities, final int maxMessageBytes,
            final ScheduledExecutorService timer, final Duration timeout, final Statistics statistics) {
        this.codec = requireNonNull(codec);
        this.capabilities = List.copyOf(capabilities);
        this.maxMessageBytes = maxMessageBytes;
        this.timer = requireNonNull(timer);
        this.timeout = requireNonNull(timeout);
        this.statistics = requireNonNull(statistics);
    }

    /**
     * Exchanges hellos on a session.
     *
     * @param session the session, whose output is in end-of-message framing for the server's hello
     * @param reader  the session's input
     * @return the negotiated framings, or empty if the session must close (end of input, a bad hello)
     * @throws IOException      when the server's hello cannot be written or the input not read
     * @throws FramingException when the client's hello is not framed right
     */
    Optional<Framings> exchange(final AgentSession session, final MessageReader reader)
            throws IOException, FramingException {
        final long id = session.info().sessionId();
        final Hello serverHello = Hello.server(id, capabilities);
        session.sendHello(serverHello, EndOfMessageFraming.of(maxMessageBytes));
        final ScheduledFuture<?> deadline = timer.schedule(() -> {
            LOG.info("session {}: no hello in time, closing", id);
            statistics.badHello();
            session.kill();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        final Optional<byte[]> message;
        try {
            message = reader.first(EndOfMessageFraming.of(maxMessageBytes));
        } finally {
            deadline.cancel(false);
        }
        if (message.isEmpty()) {
            return Optional.empty();
        }
        final Optional<Framings> framings = negotiate(id, serverHello, message.orElseThrow());
        if (framings.isEmpty()) {
            statistics.badHello();
        }
        return framings;
    }

    private Optional<Framings> negotiate(final long id, final Hello serverHello, final byte[] message) {
        try {
            if (!(codec.decode(message) instanceof Hello clientHello)) {
                LOG.info("session {}: the first message is not a hello, closing", id);
                return Optional.empty();
            }
            if (clientHello.sessionId().isPresent()) {
                // RFC 6241 section 8.1: a client hello with a session-id is refused
                LOG.info("session {}: the client's hello carries a session-id, closing", id);
                return Optional.empty();
            }
            return Optional.of(new Framings(serverHello.negotiateFraming(clientHello, maxMessageBytes),
                serverHello.negotiateFraming(clientHello, maxMessageBytes)));
        } catch (MessageException e) {
            LOG.info("session {}: bad hello, closing: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
