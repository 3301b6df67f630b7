package org.sdqkd.qkd.node.impl.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.FrameCodec;
import org.sdqkd.qkd.node.impl.link.LinkSession;

/**
 * Key production at a link's listening end: random units at the rate a {@link TokenBucket} allows, sent in BLOCKs
 * and kept aside until the other end acknowledges them; only then are they stored here, so this end is never
 * ahead. Units never acknowledged are erased when the channel closes.
 */
final class Production {
    private static final int ID_BYTES = 16;

    private final UnitStore store;
    private final SecureRandom random = newRandom();
    private final TokenBucket bucket = new TokenBucket();
    private final Map<Long, List<Frame.Unit>> pending = new HashMap<>();
    private int pendingUnits;
    private long nextBlock;

    Production(final UnitStore store) {
        this.store = store;
    }

    /**
     * Produces what the time since the last call allows, or pauses. Called by one thread (the plane's timer). The
     * lock is held while a block is made and registered, never while it is sent: the link's reader, which takes the
     * lock for every ACK, must not wait for the channel's writes (it also carries the reservation replies).
     *
     * @param session  the reconciled channel, null when there is none
     * @param up       whether the link is UP
     * @param rate     the nominal rate now
     * @param nanos    the time since the last call
     * @param capacity the store's capacity
     * @throws IOException when sending fails, or the channel was reset while sending
     */
    void run(final LinkSession session, final boolean up, final long rate, final long nanos,
            final int capacity) throws IOException {
        int count;
        synchronized (this) {
            final int room = capacity - store.size() - pendingUnits;
            if (session == null || !up || room <= 0) {
                bucket.pause();
                return;
            }
            count = bucket.take(rate, nanos, room);
        }
        while (count > 0) {
            final int n = Math.min(count, FrameCodec.MAX_UNITS_PER_BLOCK);
            final Frame.Block block = newBlock(n);
            try {
                session.send(block);
            } catch (IllegalStateException e) {
                // reset() erased the block's units while it was being written: the channel closed
                throw new IOException("the channel was reset while a block was sent", e);
            }
            count -= n;
        }
    }

    /** Makes a block of {@code n} new units and keeps it aside until the other end acknowledges it. */
    private synchronized Frame.Block newBlock(final int n) {
        final List<Frame.Unit> units = new ArrayList<>(n);
        final byte[] bytes = new byte[n * FrameCodec.UNIT_BYTES];
        final byte[] ids = new byte[n * ID_BYTES];
        random.nextBytes(bytes);
        random.nextBytes(ids);
        final ByteBuffer idBuffer = ByteBuffer.wrap(ids);
        for (int i = 0; i < n; i++) {
            final long high = idBuffer.getLong() & ~0xf000L | 0x4000L;
            final long low = idBuffer.getLong() & ~(0xc0L << 56) | (0x80L << 56);
            units.add(new Frame.Unit(new UUID(high, low),
                KeyBytes.copyOf(bytes, i * FrameCodec.UNIT_BYTES, FrameCodec.UNIT_BYTES)));
        }
        Arrays.fill(bytes, (byte) 0);
        final long sequence = nextBlock++;
        pending.put(sequence, units);
        pendingUnits += n;
        return new Frame.Block(sequence, units);
    }

    /** A DRBG for the units and their IDs (random version 4 UUIDs): no system call per unit. */
    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * The other end stored a block: store it here too.
     *
     * @param sequence the block's number
     * @return the units stored, 0 for a block unknown (from before the channel was reset)
     */
    synchronized int acknowledged(final long sequence) {
        final List<Frame.Unit> units = pending.remove(sequence);
        if (units == null) {
            return 0;
        }
        pendingUnits -= units.size();
        store.add(units);
        return units.size();
    }

    /** The units sent and not yet acknowledged. */
    synchronized int pendingUnits() {
        return pendingUnits;
    }

    /** The channel closed: erases the units never acknowledged. */
    synchronized void reset() {
        pending.values().forEach(UnitStore::erase);
        pending.clear();
        pendingUnits = 0;
    }
}
