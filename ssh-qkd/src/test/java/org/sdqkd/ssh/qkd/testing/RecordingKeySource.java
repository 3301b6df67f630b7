package org.sdqkd.ssh.qkd.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;

/**
 * A key source that passes every call on and records it: the key_IDs {@code newKey} handed out, the number of calls
 * and the time they took. Tests extend it to change what a call returns.
 */
public class RecordingKeySource implements QkdKeySource {
    private final QkdKeySource delegate;
    private final List<UUID> newKeyIds = new CopyOnWriteArrayList<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    /**
     * Wraps a key source.
     *
     * @param delegate the key source
     */
    public RecordingKeySource(final QkdKeySource delegate) {
        this.delegate = requireNonNull(delegate);
    }

    @Override
    public String localSaeId() {
        return delegate.localSaeId();
    }

    @Override
    public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
        final long start = System.nanoTime();
        try {
            final QkdKey key = delegate.newKey(peerSaeId);
            newKeyIds.add(key.id());
            return key;
        } finally {
            count(start);
        }
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        final long start = System.nanoTime();
        try {
            return delegate.keyById(peerSaeId, keyId);
        } finally {
            count(start);
        }
    }

    private void count(final long start) {
        nanos.addAndGet(System.nanoTime() - start);
        calls.incrementAndGet();
    }

    /** The key_IDs {@code newKey} handed out, in order. */
    public List<UUID> newKeyIds() {
        return List.copyOf(newKeyIds);
    }

    /**
     * The calls and their nanoseconds since the last time, then zero.
     *
     * @return {calls, nanoseconds}
     */
    public long[] takeCalls() {
        return new long[] {calls.getAndSet(0), nanos.getAndSet(0)};
    }
}
