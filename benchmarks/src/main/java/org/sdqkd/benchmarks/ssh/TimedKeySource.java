package org.sdqkd.benchmarks.ssh;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;

/**
 * The handshake driver's meter on a key source: passes every call on, and counts the calls and the nanoseconds they
 * took, so that each handshake's key requests can be checked (one enc_keys, one dec_keys) and timed.
 */
final class TimedKeySource implements QkdKeySource {
    private final QkdKeySource delegate;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    TimedKeySource(final QkdKeySource delegate) {
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
            return delegate.newKey(peerSaeId);
        } finally {
            add(start);
        }
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        final long start = System.nanoTime();
        try {
            return delegate.keyById(peerSaeId, keyId);
        } finally {
            add(start);
        }
    }

    private void add(final long start) {
        nanos.addAndGet(System.nanoTime() - start);
        calls.incrementAndGet();
    }

    /**
     * The calls and their nanoseconds since the last time, then zero.
     *
     * @return {calls, nanoseconds}
     */
    long[] takeCalls() {
        return new long[] {calls.getAndSet(0), nanos.getAndSet(0)};
    }
}
