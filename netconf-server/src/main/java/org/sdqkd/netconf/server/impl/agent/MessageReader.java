package org.sdqkd.netconf.server.impl.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;

/**
 * Reads a session's input into framed messages: the client's hello byte by byte, so that the bytes after it are
 * left for the framing the hellos negotiate, then whatever each read brings.
 */
final class MessageReader {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int used;
    private int length;

    MessageReader(final InputStream in) {
        this.in = in;
    }

    /**
     * Reads up to the end of the first message.
     *
     * @param framing the end-of-message framing of the hello (RFC 6242 section 4.1)
     * @return the message, or empty at end of input
     */
    Optional<byte[]> first(final Framing framing) throws IOException, FramingException {
        while (true) {
            if (used == length && !fill()) {
                return Optional.empty();
            }
            final List<byte[]> messages = framing.decode(buffer, used++, 1);
            if (!messages.isEmpty()) {
                return Optional.of(messages.getFirst());
            }
        }
    }

    /**
     * The messages the bytes left from before, or else the next read, complete.
     *
     * @param framing the session's framing
     * @return the messages, possibly none, or empty at end of input
     */
    Optional<List<byte[]>> next(final Framing framing) throws IOException, FramingException {
        if (used == length && !fill()) {
            return Optional.empty();
        }
        final int from = used;
        used = length;
        return Optional.of(framing.decode(buffer, from, length - from));
    }

    private boolean fill() throws IOException {
        final int read = in.read(buffer);
        used = 0;
        length = Math.max(read, 0);
        return read >= 0;
    }
}
