package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.sdqkd.netconf.protocol.api.MessageParts;

/**
 * The received bytes of a session's messages on their way from the reads, which add them as the framing decodes them,
 * to the session's reader thread, which parses each message while it arrives ({@link #nextMessage()}): a queue of
 * byte ranges and message ends. It bounds what is received and not yet parsed: past {@code maxQueued} bytes,
 * {@link #roomFor(Runnable)} says to stop reading, and the reader thread issues the next read once it has parsed
 * half of them. Thread-safe; one thread adds, one reads.
 */
final class InboundMessages implements MessageParts {
    private static final Part END = new Part(new byte[0], 0, 0);

    private record Part(byte[] bytes, int offset, int length) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Part> parts = new ArrayDeque<>();
    private final long maxQueued;
    /** Bytes of the first part already read. */
    private int headRead;
    private long queued;
    private Runnable resume;
    private boolean inputEnded;
    private IOException closed;

    /**
     * An empty queue.
     *
     * @param maxQueued the received and unparsed bytes above which reading pauses
     */
    InboundMessages(final long maxQueued) {
        this.maxQueued = maxQueued;
    }

    @Override
    public void part(final byte[] bytes, final int offset, final int length) {
        add(new Part(bytes, offset, length), length);
    }

    @Override
    public void end() {
        add(END, 0);
    }

    /**
     * Whether to read on: true if fewer than {@code maxQueued} bytes wait; otherwise {@code resume} runs (on the
     * reader thread) once half of them are parsed, or never if the queue is closed first.
     */
    boolean roomFor(final Runnable resume) {
        lock.lock();
        try {
            if (queued <= maxQueued || closed != null) {
                return closed == null;
            }
            this.resume = requireNonNull(resume);
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** No more bytes will come: once the queued messages are read, {@link #nextMessage()} answers none. */
    void endOfInput() {
        lock.lock();
        try {
            inputEnded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued; a read in progress fails with {@code reason}, and there are no further messages. */
    void close(final IOException reason) {
        lock.lock();
        try {
            if (closed == null) {
                closed = requireNonNull(reason);
                parts.clear();
                queued = 0;
                resume = null;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the next message begins to arrive.
     *
     * @return the stream of its bytes, which ends with the message; null if the input ended or the queue closed
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    InputStream nextMessage() throws InterruptedException {
        lock.lock();
        try {
            while (parts.isEmpty() && closed == null && !inputEnded) {
                changed.await();
            }
            return parts.isEmpty() || closed != null ? null : new MessageInput();
        } finally {
            lock.unlock();
        }
    }

    private void add(final Part part, final int length) {
        lock.lock();
        try {
            if (closed == null) {
                parts.add(part);
                queued += length;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of one message: up to its end, then end of stream. */
    private final class MessageInput extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            final byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(final byte[] bytes, final int offset, final int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            final Runnable resumeNow;
            final int n;
            lock.lock();
            try {
                while (parts.isEmpty() && closed == null && !inputEnded) {
                    changed.await();
                }
                if (closed != null) {
                    throw new IOException(closed.getMessage(), closed);
                }
                final Part head = parts.peek();
                if (head == null) {
                    throw new IOException("the input ended inside a message");
                }
                if (head == END) {
                    parts.poll();
                    ended = true;
                    return -1;
                }
                n = Math.min(length, head.length() - headRead);
                System.arraycopy(head.bytes(), head.offset() + headRead, bytes, offset, n);
                headRead += n;
                if (headRead == head.length()) {
                    parts.poll();
                    headRead = 0;
                }
                queued -= n;
                resumeNow = resume != null && queued <= maxQueued / 2 ? resume : null;
                if (resumeNow != null) {
                    resume = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a message's bytes");
            } finally {
                lock.unlock();
            }
            if (resumeNow != null) {
                resumeNow.run();
            }
            return n;
        }
    }
}
