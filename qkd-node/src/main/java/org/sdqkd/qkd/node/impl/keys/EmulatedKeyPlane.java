package org.sdqkd.qkd.node.impl.keys;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.FrameCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.AppUsage;
import org.sdqkd.qkd.node.api.NodeIdentity;

/**
 * The key plane of a node with emulated QKD links: each link is a TLS channel to the peer node whose listening end
 * produces random 256-bit units at the link's secret key rate; both ends keep the same units, and keys are made
 * of them for SAEs under the node's applications (ETSI GS QKD 014 semantics). See the module README, "Key plane".
 */
public final class EmulatedKeyPlane implements KeyPlane {
    /** The default lifetime of a reservation for slave SAEs. */
    public static final Duration DEFAULT_RESERVATION_LIFETIME = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedKeyPlane.class);
    private static final long TICK_MS = 100;

    private final NodeIdentity self;
    private final Applications applications = new Applications();
    private final Reservations reservations;
    private final ReservationDesk desk;
    private final LinkKeyDelivery keys;
    private final Map<UUID, EmulatedLink> links = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private long lastTick = System.nanoTime();
    private boolean closed;

    /**
     * A key plane whose reservations live {@link #DEFAULT_RESERVATION_LIFETIME}.
     *
     * @param self this node
     */
    public EmulatedKeyPlane(final NodeIdentity self) {
        this(self, DEFAULT_RESERVATION_LIFETIME);
    }

    /**
     * A key plane.
     *
     * @param self                this node
     * @param reservationLifetime how long keys reserved for slave SAEs wait for them before they are erased
     */
    public EmulatedKeyPlane(final NodeIdentity self, final Duration reservationLifetime) {
        this.self = requireNonNull(self);
        if (reservationLifetime.isNegative() || reservationLifetime.isZero()) {
            throw new IllegalArgumentException("reservation lifetime not positive: " + reservationLifetime);
        }
        this.reservations = new Reservations(reservationLifetime);
        this.desk = new ReservationDesk(reservations, applications, self.name());
        this.keys = new LinkKeyDelivery(self.kmeId(), applications, reservations, this::running);
        this.timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("keyplane-" + self.name()).daemon().factory());
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void applyLinks(final Collection<LinkSpec> specs) {
        if (closed) {
            throw new IllegalStateException("the key plane is closed");
        }
        final Map<UUID, LinkSpec> wanted = new LinkedHashMap<>();
        specs.forEach(spec -> wanted.put(spec.id(), spec));
        for (var it = links.entrySet().iterator(); it.hasNext();) {
            final var entry = it.next();
            if (!wanted.containsKey(entry.getKey())) {
                stop(entry.getValue());
                it.remove();
            }
        }
        for (LinkSpec spec : wanted.values()) {
            final EmulatedLink running = links.get(spec.id());
            if (running == null) {
                links.put(spec.id(), start(spec));
            } else if (!running.spec().channel().equals(spec.channel())
                    || !running.spec().remoteNode().equals(spec.remoteNode())) {
                stop(running);
                links.put(spec.id(), start(spec));
            } else {
                running.update(spec);
            }
        }
    }

    private EmulatedLink start(final LinkSpec spec) {
        try {
            final EmulatedLink link = EmulatedLink.start(spec, self, desk);
            LOG.info("link {}: started ({})", spec.id(), spec.channel());
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("link " + spec.id() + ": cannot bind " + spec.channel() + ": "
                + e.getMessage(), e);
        }
    }

    private void stop(final EmulatedLink link) {
        link.close();
        reservations.dropLink(link.id());
        LOG.info("link {}: stopped", link.id());
    }

    @Override
    public void applyApplications(final Collection<AppSpec> apps) {
        applications.apply(apps);
    }

    @Override
    public List<LinkState> links() {
        return running().stream().map(link -> link.state(desk.reserved(link.id()))).toList();
    }

    @Override
    public List<AppUsage> applications() {
        return applications.usage();
    }

    @Override
    public Status status(final String masterSae, final String slaveSae) throws KeyDeliveryException {
        return keys.status(masterSae, slaveSae);
    }

    @Override
    public List<DeliveredKey> encKeys(final String masterSae, final List<String> slaveSaes, final int number,
            final int sizeBits) throws KeyDeliveryException {
        return keys.encKeys(masterSae, slaveSaes, number, sizeBits);
    }

    @Override
    public List<DeliveredKey> decKeys(final String slaveSae, final String masterSae, final List<UUID> keyIds)
            throws KeyDeliveryException {
        return keys.decKeys(slaveSae, masterSae, keyIds);
    }

    /**
     * Takes fresh units for the relay from a connected link to a peer node (from the producing end's side, as
     * {@code enc_keys} does), all or none.
     *
     * @param peerNode the node at the other end
     * @param count    how many units
     * @return the units, or empty when no connected link to the peer holds that many
     */
    public Optional<LinkUnits> takeRelayUnits(final UUID peerNode, final int count) {
        for (EmulatedLink link : running()) {
            if (link.spec().remoteNode().equals(peerNode) && link.available() >= count) {
                final List<Frame.Unit> units = link.take(count);
                if (!units.isEmpty()) {
                    return Optional.of(concatenate(link.id(), units));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the named units of a link, the ones its other end took for the relay, all or none.
     *
     * @param peerNode the node at the other end (the link must lead to it)
     * @param linkId   the link
     * @param unitIds  the units' IDs
     * @return the units, or empty when the link does not lead to the peer or a unit is missing
     */
    public Optional<LinkUnits> takeRelayUnits(final UUID peerNode, final UUID linkId, final List<UUID> unitIds) {
        final EmulatedLink link = link(linkId);
        if (link == null || !link.spec().remoteNode().equals(peerNode)) {
            return Optional.empty();
        }
        final List<Frame.Unit> units = link.takeReserved(unitIds);
        return units.isEmpty() ? Optional.empty() : Optional.of(concatenate(linkId, units));
    }

    private static LinkUnits concatenate(final UUID link, final List<Frame.Unit> units) {
        final byte[] bytes = new byte[units.size() * FrameCodec.UNIT_BYTES];
        for (int i = 0; i < units.size(); i++) {
            System.arraycopy(units.get(i).bytes().bytes(), 0, bytes, i * FrameCodec.UNIT_BYTES,
                FrameCodec.UNIT_BYTES);
        }
        final List<UUID> ids = units.stream().map(Frame.Unit::id).toList();
        UnitStore.erase(units);
        return new LinkUnits(link, ids, bytes);
    }

    /** The running link with this ID (for tests in this package). */
    synchronized EmulatedLink link(final UUID id) {
        return links.get(id);
    }

    private synchronized List<EmulatedLink> running() {
        return new ArrayList<>(links.values());
    }

    private void tick() {
        try {
            final long now = System.nanoTime();
            final long elapsed = now - lastTick;
            lastTick = now;
            for (EmulatedLink link : running()) {
                link.tick(elapsed);
            }
            final int expired = reservations.expire(Instant.now());
            if (expired > 0) {
                LOG.info("{} reserved keys expired and were erased", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("key plane tick failed", e);
        }
    }

    @Override
    public void close() {
        final List<EmulatedLink> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(links.values());
            links.clear();
        }
        timer.shutdownNow();
        all.forEach(this::stop);
        reservations.clear();
    }
}
