package org.sdqkd.ssh.qkd.testing;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;

/**
 * Two KMEs joined by a perfect QKD link, in memory, for tests: each SAE gets a {@link QkdKeySource} with
 * {@link #source}. A key taken with {@code newKey} by SAE A for SAE B can be taken once by B with {@code keyById},
 * as ETSI GS QKD 014 says; anything else is refused. Outages and delays can be switched on per SAE.
 */
public final class InMemoryKms {
    private record Entry(String master, String slave, byte[] material) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Entry> keys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final AtomicInteger encKeys = new AtomicInteger();
    private final AtomicInteger decKeys = new AtomicInteger();

    /**
     * The key source of one SAE.
     *
     * @param saeId the SAE
     * @return its key source
     */
    public QkdKeySource source(final String saeId) {
        requireNonNull(saeId);
        return new QkdKeySource() {
            @Override
            public String localSaeId() {
                return saeId;
            }

            @Override
            public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
                enter(saeId);
                final byte[] material = new byte[32];
                random.nextBytes(material);
                final UUID id = UUID.randomUUID();
                keys.put(id, new Entry(saeId, peerSaeId, material));
                encKeys.incrementAndGet();
                return new QkdKey(id, material);
            }

            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                enter(saeId);
                final Entry entry = keys.get(keyId);
                if (entry == null) {
                    throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "key_ID " + keyId + " is unknown");
                }
                if (!entry.master().equals(peerSaeId) || !entry.slave().equals(saeId)) {
                    throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "key_ID " + keyId
                        + " is not a key of master " + peerSaeId + " for " + saeId);
                }
                if (!keys.remove(keyId, entry)) {
                    throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "key_ID " + keyId + " is unknown");
                }
                decKeys.incrementAndGet();
                return new QkdKey(keyId, entry.material());
            }

            @Override
            public String toString() {
                return "InMemoryKms[" + saeId + "]";
            }
        };
    }

    private void enter(final String saeId) throws QkdKeyException {
        final Duration delay = delays.get(saeId);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QkdKeyException(QkdKeyException.Reason.UNAVAILABLE, "interrupted");
            }
        }
        if (down.getOrDefault(saeId, false)) {
            throw new QkdKeyException(QkdKeyException.Reason.UNAVAILABLE, "the KME of " + saeId
                + " cannot be reached");
        }
    }

    /**
     * Makes one SAE's KME unreachable, or reachable again.
     *
     * @param saeId the SAE
     * @param isDown true for unreachable
     */
    public void setDown(final String saeId, final boolean isDown) {
        down.put(saeId, isDown);
    }

    /**
     * Delays every answer of one SAE's KME.
     *
     * @param saeId the SAE
     * @param delay the delay
     */
    public void setDelay(final String saeId, final Duration delay) {
        delays.put(saeId, delay);
    }

    /** How many keys were taken with {@code newKey}. */
    public int encKeys() {
        return encKeys.get();
    }

    /** How many keys were taken with {@code keyById}. */
    public int decKeys() {
        return decKeys.get();
    }

    /** How many keys were taken by a master and not yet by their slave. */
    public int pending() {
        return keys.size();
    }
}
