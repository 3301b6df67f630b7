package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The write side of a session's channel: framed messages are queued and written one MINA {@code writeBuffer} at a
 * time (MINA allows one pending write), the messages queued meanwhile together in one buffer. The first message
 * of an idle channel is written on the sender's thread, with no hand-off. Thread-safe.
 */
final class ChannelWriter {
    private static final int MAX_WRITE_BATCH = 256 * 1024;

    private final IoOutputStream out;
    private final BooleanSupplier closing;
    private final Consumer<Throwable> failed;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean writing;

    /**
     * A writer on a channel's stream.
     *
     * @param out     the channel's asynchronous input stream
     * @param closing whether the session is closing (nothing more is written then)
     * @param failed  told once a write fails, on the thread that saw the failure
     */
    ChannelWriter(final IoOutputStream out, final BooleanSupplier closing, final Consumer<Throwable> failed) {
        this.out = requireNonNull(out);
        this.closing = requireNonNull(closing);
        this.failed = requireNonNull(failed);
    }

    /**
     * Queues one framed message and writes it, unless a write is under way (its completion writes it).
     *
     * @param framed the bytes of the message with its framing
     */
    void send(final byte[] framed) {
        synchronized (lock) {
            queue.add(framed);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeQueued();
    }

    private void writeQueued() {
        while (true) {
            final byte[] batch;
            synchronized (lock) {
                if (queue.isEmpty() || closing.getAsBoolean()) {
                    writing = false;
                    return;
                }
                batch = takeBatch();
            }
            final IoWriteFuture write;
            try {
                write = out.writeBuffer(new ByteArrayBuffer(batch));
            } catch (IOException | RuntimeException e) {
                stopped(e);
                return;
            }
            if (!write.isDone()) {
                write.addListener(this::onWritten);
                return;
            }
            if (!write.isWritten()) {
                onWritten(write);
                return;
            }
        }
    }

    private byte[] takeBatch() {
        final byte[] first = queue.poll();
        if (queue.isEmpty() || first.length >= MAX_WRITE_BATCH) {
            return first;
        }
        int size = first.length;
        int count = 1;
        for (byte[] next : queue) {
            if (size + next.length > MAX_WRITE_BATCH) {
                break;
            }
            size += next.length;
            count++;
        }
        final byte[] batch = new byte[size];
        System.arraycopy(first, 0, batch, 0, first.length);
        int position = first.length;
        for (int i = 1; i < count; i++) {
            final byte[] next = queue.poll();
            System.arraycopy(next, 0, batch, position, next.length);
            position += next.length;
        }
        return batch;
    }

    private void onWritten(final IoWriteFuture write) {
        if (write.isWritten()) {
            writeQueued();
        } else {
            stopped(write.getException());
        }
    }

    private void stopped(final Throwable failure) {
        synchronized (lock) {
            writing = false;
        }
        failed.accept(failure);
    }
}
