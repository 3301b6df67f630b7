package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;

/**
 * The read side of a session's channel: one MINA read pending at a time, the next issued once the bytes of the
 * last are framed, where the read completes (a MINA I/O thread), with no hand-off. The server's hello is decoded
 * whole here; after it, the framing the hellos chose queues each message's bytes as they come
 * ({@link InboundMessages}, ranges of the read's buffer, not copies) for the session's reader thread. Reading pauses
 * while the queue is full. One read at a time touches it.
 */
final class ChannelReader {
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    /** A read smaller than this is copied out of its buffer before it is queued, so it does not keep the buffer. */
    private static final int MIN_KEPT_READ = READ_BUFFER_SIZE / 4;
    private static final byte[] LINE_FEED = {'\n'};

    /** What the reads tell the session. */
    interface Events {
        /**
         * The server's hello arrived.
         *
         * @param hello its bytes
         * @return the framing of what follows, or empty if the session is to close (it has been closed)
         */
        Optional<Framing> hello(byte[] hello);

        /**
         * The input ended or failed.
         *
         * @param reason why; the messages received whole before it are still to be handled
         */
        void ended(NetconfSessionClosedException reason);

        /**
         * Reading failed for good: the session is to close at once.
         *
         * @param reason why
         */
        void failed(NetconfSessionClosedException reason);

        /** Whether the session is closing: no more reads then. */
        boolean closing();
    }

    private final IoInputStream in;
    private final InboundMessages inbound;
    private final Events events;
    private final String peer;
    private volatile Framing decoder;
    private volatile boolean helloRead;
    private volatile boolean skipWhitespace;
    /** The buffer of the last read, if its bytes were copied out: the next read may use it again. */
    private volatile ByteArrayBuffer spareBuffer;

    /**
     * A reader of a channel.
     *
     * @param in           the channel's asynchronous output stream
     * @param inbound      where the messages' bytes go
     * @param helloFraming the framing of the hello
     * @param events       what the reads tell
     * @param peer         the server, for messages
     */
    ChannelReader(final IoInputStream in, final InboundMessages inbound, final Framing helloFraming,
            final Events events, final String peer) {
        this.in = requireNonNull(in);
        this.inbound = requireNonNull(inbound);
        this.decoder = requireNonNull(helloFraming);
        this.events = requireNonNull(events);
        this.peer = requireNonNull(peer);
    }

    /** Issues the next read, and handles those that complete at once. */
    void readNext() {
        // a read that completes at once is handled in this loop, not by a listener called from within read(), so
        // that a fast stream does not nest one read in the next
        while (!events.closing()) {
            final IoReadFuture read;
            try {
                final ByteArrayBuffer spare = spareBuffer;
                spareBuffer = null;
                read = in.read(spare != null ? spare : new ByteArrayBuffer(READ_BUFFER_SIZE));
            } catch (RuntimeException e) {
                events.failed(new NetconfSessionClosedException("reading from " + peer + " failed", e));
                return;
            }
            if (!read.isDone()) {
                read.addListener(this::onRead);
                return;
            }
            if (!handle(read)) {
                return;
            }
        }
    }

    private void onRead(final IoReadFuture read) {
        if (handle(read)) {
            readNext();
        }
    }

    /** Frames what a read brought; true if the next read is to be issued now. */
    private boolean handle(final IoReadFuture read) {
        final Throwable failure = read.getException();
        if (failure != null) {
            inputEnded(failure);
            return false;
        }
        // each read has a buffer of its own, so the framing may queue ranges of it instead of copies
        final Buffer buffer = read.getBuffer();
        final int length = buffer.available();
        final byte[] bytes;
        final int offset;
        if (length < MIN_KEPT_READ) {
            bytes = new byte[length];
            buffer.getRawBytes(bytes);
            offset = 0;
            if (buffer instanceof ByteArrayBuffer reusable) {
                reusable.clear();
                spareBuffer = reusable;
            }
        } else {
            bytes = buffer.array();
            offset = buffer.rpos();
        }
        received(bytes, offset, offset + length);
        return inbound.roomFor(this::readNext);
    }

    private void inputEnded(final Throwable failure) {
        if (events.closing()) {
            return;
        }
        if (!(failure instanceof EOFException)) {
            events.failed(new NetconfSessionClosedException("reading from " + peer + " failed", failure));
            return;
        }
        NetconfSessionClosedException reason = new NetconfSessionClosedException(peer + " closed the session", null);
        try {
            decoder.endOfInput();
        } catch (FramingException e) {
            reason = new NetconfSessionClosedException(peer + " closed the session inside a message", e);
        }
        events.ended(reason);
    }

    private void received(final byte[] bytes, final int from, final int to) {
        if (events.closing()) {
            return;
        }
        int offset = from;
        try {
            // the hello comes with end-of-message framing; what follows it uses the negotiated framing, so feed it
            // byte by byte to find where it ends (it is small and read once)
            while (!helloRead && offset < to) {
                final List<byte[]> messages = decoder.decode(bytes, offset++, 1);
                if (!messages.isEmpty() && !onHello(messages.getFirst())) {
                    return;
                }
            }
            if (skipWhitespace) {
                // tolerate stray whitespace between the hello and the first chunk (some servers send a newline
                // after their hello): skip it, then give the chunk header back its leading line feed
                while (offset < to && isWhitespace(bytes[offset])) {
                    offset++;
                }
                if (offset < to) {
                    skipWhitespace = false;
                    if (bytes[offset] == '#') {
                        decoder.decode(LINE_FEED, 0, 1, inbound);
                    }
                }
            }
            if (offset < to) {
                decoder.decode(bytes, offset, to - offset, inbound);
            }
        } catch (FramingException e) {
            events.failed(new NetconfSessionClosedException("malformed framing from " + peer + ": "
                + e.getMessage(), e));
        }
    }

    private boolean onHello(final byte[] hello) {
        final Optional<Framing> framing = events.hello(hello);
        if (framing.isEmpty()) {
            return false;
        }
        decoder = framing.orElseThrow();
        helloRead = true;
        skipWhitespace = decoder instanceof ChunkedFraming;
        return true;
    }

    private static boolean isWhitespace(final byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
