package org.sdqkd.qkd.node.impl.keys;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.FrameCodec;
import org.sdqkd.qkd.node.impl.link.LinkSession;
import org.sdqkd.qkd.node.impl.link.LinkTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.RateSource;
import org.sdqkd.qkd.node.api.LinkChannel;

/**
 * One running emulated link at this end: its channel, its store, its production (at the listening end) and the
 * frames of its sessions. A session starts with a STATE and the store inventory from each end; both keep the
 * intersection, and only then are keys produced or reserved over it.
 */
final class EmulatedLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatedLink.class);
    private static final int STATE_EVERY_TICKS = 5;

    private final UUID id;
    private final boolean producer;
    private final long startNanos = System.nanoTime();
    private final UnitStore store = new UnitStore();
    private final ReservationDesk desk;
    private final Production production = new Production(store);
    private final ReserveCalls calls = new ReserveCalls();
    private final AtomicLong keysDelivered = new AtomicLong();
    private final AtomicLong bitsGenerated = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile LinkSpec spec;
    private volatile RateSchedule schedule;
    private volatile Optional<String> peerName = Optional.empty();
    private final SessionSlot slot = new SessionSlot();
    private volatile LinkTransport transport;
    private long ticks;

    private EmulatedLink(final LinkSpec spec, final ReservationDesk desk) {
        this.id = spec.id();
        this.spec = spec;
        this.desk = desk;
        this.producer = spec.channel() instanceof LinkChannel.Listen;
        this.schedule = new RateSchedule(spec.rate(), spec.baselineQber());
    }

    /**
     * Starts a link: binds or starts connecting.
     *
     * @param spec the link
     * @param self this node
     * @param desk what handles the peer's reservations
     * @return the running link
     * @throws IOException when the listening end cannot bind
     */
    static EmulatedLink start(final LinkSpec spec, final NodeIdentity self, final ReservationDesk desk)
            throws IOException {
        final EmulatedLink link = new EmulatedLink(spec, desk);
        final LinkTransport transport = LinkTransport.start(spec.channel(), self.tls().sslContext(), spec.id(),
            spec.remoteNode(), link::serve);
        link.transport = transport;
        return link;
    }

    UUID id() {
        return id;
    }

    LinkSpec spec() {
        return spec;
    }

    /** Changes the settings in place (not the channel or the remote node) and tells the peer. */
    void update(final LinkSpec changed) {
        if (!changed.rate().equals(spec.rate()) || changed.baselineQber() != spec.baselineQber()) {
            schedule = new RateSchedule(changed.rate(), changed.baselineQber());
        }
        spec = changed;
        final LinkSession current = slot.current();
        if (current != null) {
            send(current, stateFrame());
        }
    }

    // ---- sessions

    private void serve(final LinkSession s) {
        try {
            slot.open(s).ifPresent(LinkSession::close);
        } catch (IllegalStateException e) {
            s.close();
            return;
        }
        peerName = Optional.of(s.peerName());
        resetPeer();
        try {
            s.send(stateFrame());
            final List<UUID> ids = store.ids();
            for (int i = 0; i < ids.size() || i == 0; i += FrameCodec.MAX_IDS_PER_INVENTORY) {
                final int end = Math.min(ids.size(), i + FrameCodec.MAX_IDS_PER_INVENTORY);
                s.send(new Frame.Inventory(ids.subList(i, end), end == ids.size()));
            }
            final Set<UUID> peerIds = new HashSet<>();
            while (slot.isCurrent(s)) {
                handle(s, s.receive(), peerIds);
            }
        } catch (IOException e) {
            if (slot.isCurrent(s)) {
                LOG.info("link {}: channel closed: {}", id, e.getMessage() == null ? "end of stream"
                    : e.getMessage());
            }
        } finally {
            s.close();
            if (slot.ended(s)) {
                resetPeer();
            }
        }
    }

    private void handle(final LinkSession s, final Frame frame, final Set<UUID> peerIds) throws IOException {
        switch (frame) {
            case Frame.State state -> slot.peerState(s, state);
            case Frame.Inventory inventory -> {
                peerIds.addAll(inventory.unitIds());
                if (inventory.last()) {
                    final int erased = store.retain(peerIds);
                    peerIds.clear();
                    slot.reconciled(s);
                    LOG.info("link {}: stores reconciled with {}, {} units kept, {} erased", id, s.peerName(),
                        store.size(), erased);
                }
            }
            case Frame.Block block -> {
                if (producer) {
                    throw new IOException("the connecting end sent key units");
                }
                s.send(new Frame.Ack(block.sequence()));
                store.add(block.units());
                bitsGenerated.addAndGet((long) block.units().size() * TokenBucket.UNIT_BITS);
            }
            case Frame.Ack ack -> bitsGenerated.addAndGet((long) production.acknowledged(ack.sequence())
                * TokenBucket.UNIT_BITS);
            case Frame.Reserve reserve -> s.send(desk.reserve(this, reserve));
            case Frame.ReserveReply reply -> calls.answered(reply);
            case Frame.Confirm confirm -> desk.confirmed(this, confirm.requestId());
            case Frame.Hello hello -> throw new IOException("a second hello");
        }
    }

    /** Forgets what was in flight with the previous peer session. */
    private void resetPeer() {
        production.reset();
        calls.failAll();
        final int dropped = desk.channelClosed(this);
        if (dropped > 0) {
            LOG.info("link {}: dropped {} reservations the peer never confirmed", id, dropped);
        }
    }

    private void send(final LinkSession s, final Frame frame) {
        try {
            s.send(frame);
        } catch (IOException e) {
            if (slot.isCurrent(s)) {
                LOG.info("link {}: sending failed, closing the channel: {}", id, e.getMessage());
            }
            s.close();
        }
    }

    private Frame.State stateFrame() {
        final LinkSpec now = spec;
        final RateSource.TracePoint point = point();
        return new Frame.State(now.enabled(), now.fault() == LinkSpec.Fault.LINK_DOWN,
            now.fault() == LinkSpec.Fault.SKR_ZERO, now.injectedQber().orElse(-1), point.bitsPerSecond(),
            point.qber());
    }

    private RateSource.TracePoint point() {
        return schedule.at(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    // ---- production

    /** Runs every ~100 ms on the plane's timer: sends STATE now and then, and produces at the listening end. */
    void tick(final long nanos) {
        final LinkSession s = slot.current();
        if (s != null && ++ticks % STATE_EVERY_TICKS == 0) {
            send(s, stateFrame());
        }
        if (producer) {
            final LinkSession ready = slot.ready();
            final Facts facts = facts();
            try {
                production.run(ready, facts.verdict.condition() == LinkState.Condition.UP, facts.nominalSkr, nanos,
                    spec.capacityKeys());
            } catch (IOException e) {
                LOG.info("link {}: sending failed, closing the channel: {}", id, e.getMessage());
                slot.ended(ready);
                ready.close();
            }
        }
    }

    private Facts facts() {
        final Frame.State peer = slot.peerState();
        final boolean ready = slot.isReady();
        long nominal;
        double base;
        if (producer || peer == null) {
            final RateSource.TracePoint point = point();
            nominal = point.bitsPerSecond();
            base = point.qber();
        } else {
            nominal = peer.nominalSkr();
            base = peer.baseQber();
        }
        final LinkSpec now = spec;
        return new Facts(LinkVerdict.of(now, Optional.ofNullable(peer), ready, nominal, base, now.qberThreshold()),
            nominal);
    }

    // ---- delivery

    /** Whether the channel is up and the stores reconciled. */
    boolean connected() {
        return slot.isReady();
    }

    /** Units ready to be taken for keys: the store's, while the channel is up and reconciled. */
    int available() {
        return slot.isReady() ? store.size() : 0;
    }

    /** Takes units for keys; empty when there are fewer or the channel is not up. */
    List<Frame.Unit> take(final int count) {
        return slot.isReady() ? store.take(count, producer) : List.of();
    }

    /** A new request number for a reservation. */
    long nextRequestId() {
        return calls.nextId();
    }

    /**
     * Sends a reservation to the peer and waits for its answer.
     *
     * @param reserve the reservation
     * @return the peer's reply
     * @throws KeyDeliveryException 503 when the channel is down or the peer does not answer in 5 s
     */
    Frame.ReserveReply reserve(final Frame.Reserve reserve) throws KeyDeliveryException {
        final LinkSession s = slot.ready();
        if (s == null) {
            throw new KeyDeliveryException(KeyDeliveryException.Kind.UNAVAILABLE, "the peer node is not connected");
        }
        return calls.call(s, reserve);
    }

    /** Tells the peer its reservation stands; false when the channel failed. */
    boolean confirm(final long requestId) {
        final LinkSession s = slot.ready();
        if (s == null) {
            return false;
        }
        try {
            s.send(new Frame.Confirm(requestId));
            return true;
        } catch (IOException e) {
            s.close();
            return false;
        }
    }

    /** Takes the units a peer's reservation names, all or none. */
    List<Frame.Unit> takeReserved(final List<UUID> unitIds) {
        return store.takeAll(unitIds);
    }

    /** Erases the units with these IDs that are in the store. */
    void discard(final List<UUID> unitIds) {
        store.discard(unitIds);
    }

    void countRefusal() {
        refusals.incrementAndGet();
    }

    void countDelivered() {
        keysDelivered.incrementAndGet();
    }

    /** The peer node's name, once it connected. */
    Optional<String> peerName() {
        return peerName;
    }

    /** The state now. */
    LinkState state(final long reserved) {
        final Facts facts = facts();
        final LinkSpec now = spec;
        final int stored = store.size();
        final boolean full = stored + production.pendingUnits() >= now.capacityKeys();
        final boolean up = facts.verdict.condition() == LinkState.Condition.UP;
        final LinkTransport t = transport;
        return new LinkState(id, facts.verdict.condition(), facts.verdict.reason(), peerName,
            up && !full ? facts.nominalSkr : 0, facts.nominalSkr, facts.verdict.qber(), now.qberThreshold(), stored,
            now.capacityKeys(), reserved, keysDelivered.get(), bitsGenerated.get(), refusals.get(),
            t == null ? OptionalInt.empty() : t.listenPort());
    }

    // ---- for tests in this package

    /** Closes the current channel (the connecting end reconnects). */
    void breakChannel() {
        final LinkSession s = slot.current();
        if (s != null) {
            s.close();
        }
    }

    /** The IDs in the store. */
    Set<UUID> unitIds() {
        return new HashSet<>(store.ids());
    }

    /** Stores units as if they had been produced (to make the two ends differ). */
    void storeUnits(final List<Frame.Unit> units) {
        store.add(units);
    }

    @Override
    public void close() {
        final LinkSession s = slot.close();
        final LinkTransport t = transport;
        if (t != null) {
            t.close();
        }
        if (s != null) {
            s.close();
        }
        resetPeer();
        store.clear();
    }

    /** What the state and production are worked out from. */
    private record Facts(LinkVerdict verdict, long nominalSkr) {
    }
}
