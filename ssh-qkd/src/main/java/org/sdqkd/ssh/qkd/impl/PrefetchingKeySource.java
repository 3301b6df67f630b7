package org.sdqkd.ssh.qkd.impl;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-side key source that keeps one key ahead per peer SAE: {@link #newKey} hands out the key taken in the
 * background after the previous call, if it is younger than the maximum age, and starts taking the next one; so a key
 * exchange does not wait for its KME. Each key is still handed out once. A key older than the maximum age is erased
 * unused (its KME keeps it reserved for the peer until the KME's own expiry). {@link #keyById} is not cached.
 */
public final class PrefetchingKeySource implements CloseableKeySource {
    private static final Logger LOG = LoggerFactory.getLogger(PrefetchingKeySource.class);

    private record Ahead(CompletableFuture<QkdKey> key, long startedNanos) {
    }

    private final QkdKeySource source;
    private final long maxAgeNanos;
    private final Map<String, Ahead> ahead = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Wraps a key source.
     *
     * @param source the key source
     * @param maxAge how long a key taken ahead may wait for its key exchange
     */
    public PrefetchingKeySource(final QkdKeySource source, final Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        if (maxAgeNanos <= 0) {
            throw new IllegalArgumentException("max age not positive: " + maxAge);
        }
    }

    @Override
    public String localSaeId() {
        return source.localSaeId();
    }

    @Override
    public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
        if (closed) {
            throw new QkdKeyException(QkdKeyException.Reason.UNAVAILABLE, "the key source is closed");
        }
        final Ahead taken = ahead.remove(peerSaeId);
        prefetch(peerSaeId);
        if (taken != null) {
            final QkdKey key = ready(taken);
            if (key != null) {
                return key;
            }
        }
        return source.newKey(peerSaeId);
    }

    /** The key taken ahead, when it came and is young enough; null otherwise (erased if too old). */
    private QkdKey ready(final Ahead taken) {
        try {
            final QkdKey key = taken.key().get(0, TimeUnit.MILLISECONDS);
            if (System.nanoTime() - taken.startedNanos() <= maxAgeNanos) {
                return key;
            }
            LOG.debug("QKD key_ID {} taken ahead expired unused", key.id());
            key.erase();
        } catch (TimeoutException e) {
            // still under way: this exchange takes its own key rather than wait, and the late one is erased
            taken.key().thenAccept(QkdKey::erase);
        } catch (ExecutionException e) {
            LOG.debug("taking a QKD key ahead failed: {}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void prefetch(final String peerSaeId) {
        final CompletableFuture<QkdKey> next = new CompletableFuture<>();
        final Ahead previous = ahead.put(peerSaeId, new Ahead(next, System.nanoTime()));
        if (previous != null) {
            previous.key().thenAccept(QkdKey::erase);
        }
        Thread.ofVirtual().name("qkd-key-ahead").start(() -> {
            try {
                next.complete(source.newKey(peerSaeId));
            } catch (QkdKeyException | RuntimeException e) {
                next.completeExceptionally(e);
            }
        });
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        return source.keyById(peerSaeId, keyId);
    }

    @Override
    public void close() {
        closed = true;
        ahead.values().forEach(a -> a.key().thenAccept(QkdKey::erase));
        ahead.clear();
    }
}
