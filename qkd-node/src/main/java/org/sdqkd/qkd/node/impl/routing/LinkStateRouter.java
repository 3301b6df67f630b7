package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's link-state router. It has no thread: its owner calls {@link #tick()} often (every few tens of
 * milliseconds), {@link #updateLinks(Collection)} when the links' state changes, and {@link #receive(UUID, byte[])}
 * for every message the transport delivers; every change of the table is recomputed at once and raises a
 * {@link RouteChange}. Thread-safe; listeners run on the calling thread after the router's lock is released.
 */
public final class LinkStateRouter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStateRouter.class);

    private final UUID self;
    private final RoutingSettings settings;
    private final InstantSource clock;
    private final RoutingTransport transport;
    private final List<Consumer<RouteChange>> listeners = new CopyOnWriteArrayList<>();
    private final Neighbours neighbours = new Neighbours();
    private final LinkStateDatabase database = new LinkStateDatabase();
    private List<LocalLink> links = List.of();
    private List<RoutingMessage.Adjacency> advertised = List.of();
    private RoutingTable table = RoutingTable.EMPTY;
    private long sequence;
    private Instant lastOrigination = Instant.MIN;
    private Instant lastHello = Instant.MIN;
    private RouteChange pendingChange;
    private long refused;

    /**
     * A router with no links yet.
     *
     * @param self      this node's {@code qkdn_id}
     * @param settings  the timers
     * @param clock     the clock (a controllable one in simulations)
     * @param transport what carries the messages
     */
    public LinkStateRouter(final UUID self, final RoutingSettings settings, final InstantSource clock,
            final RoutingTransport transport) {
        this.self = requireNonNull(self);
        this.settings = requireNonNull(settings);
        this.clock = requireNonNull(clock);
        this.transport = requireNonNull(transport);
    }

    /**
     * Adds a listener of route changes.
     *
     * @param listener called with each change; it must not block
     */
    public void addListener(final Consumer<RouteChange> listener) {
        listeners.add(requireNonNull(listener));
    }

    /**
     * Gives the router this node's links and their metrics now; an advertisement goes out when the usable
     * neighbours changed (at once) or only their metrics did (at most once per {@code minLsaInterval}).
     *
     * @param current every link of this node
     */
    public void updateLinks(final Collection<LocalLink> current) {
        final List<LocalLink> copy = List.copyOf(current);
        final Set<UUID> configured = new HashSet<>();
        copy.forEach(link -> configured.add(link.neighbour()));
        final RouteChange change;
        synchronized (this) {
            links = copy;
            neighbours.retain(configured);
            originateIfChanged();
            change = takeChange();
        }
        fire(change);
    }

    /**
     * Handles one message from a neighbour.
     *
     * @param from  the neighbour, as the transport authenticated it
     * @param bytes the message
     * @return what was done with it; a refused message changes nothing
     */
    public Reception receive(final UUID from, final byte[] bytes) {
        final RoutingCodec.Decoded decoded = RoutingCodec.decode(bytes);
        final Reception reception;
        final RouteChange change;
        synchronized (this) {
            reception = switch (decoded) {
                case RoutingCodec.Decoded.Refused refusal -> refuse(from, refusal.reason());
                case RoutingCodec.Decoded.Accepted accepted -> handle(from, accepted.message());
            };
            change = takeChange();
        }
        fire(change);
        return reception;
    }

    /** Sends hellos when due, takes down silent neighbours, ages advertisements and refreshes this node's own. */
    public void tick() {
        final RouteChange change;
        synchronized (this) {
            final Instant now = clock.instant();
            if (lastHello == Instant.MIN
                    || Duration.between(lastHello, now).compareTo(settings.helloInterval()) >= 0) {
                lastHello = now;
                final byte[] hello = RoutingCodec.encode(new RoutingMessage.Hello(self));
                links.stream().map(LocalLink::neighbour).distinct().forEach(n -> transport.send(n, hello.clone()));
            }
            final boolean lost = neighbours.expire(now, settings.deadInterval());
            final boolean aged = database.expire(now, settings.maxAge());
            if (lost) {
                LOG.info("Routing at {}: a neighbour was not heard for {}", self, settings.deadInterval());
            }
            if (lastOrigination == Instant.MIN
                    || Duration.between(lastOrigination, now).compareTo(settings.refreshInterval()) >= 0) {
                originate(now);
            } else if (!originateIfChanged() && aged) {
                recompute();
            }
            change = takeChange();
        }
        fire(change);
    }

    /**
     * The routing table now.
     *
     * @return the table
     */
    public synchronized RoutingTable table() {
        return table;
    }

    /**
     * This node's links as last given, with their metrics.
     *
     * @return the links
     */
    public synchronized List<LocalLink> links() {
        return links;
    }

    /**
     * The neighbours heard within the dead interval.
     *
     * @return their ids
     */
    public synchronized List<UUID> neighboursUp() {
        return neighbours.up();
    }

    /**
     * The messages refused since the router started.
     *
     * @return the count
     */
    public synchronized long refused() {
        return refused;
    }

    /**
     * The advertisement held from an origin (this node's own included), with its age now.
     *
     * @param origin the node
     * @return it, empty when none is held
     */
    public synchronized Optional<RoutingMessage.Advertisement> advertisement(final UUID origin) {
        return database.current(origin, clock.instant());
    }

    /**
     * This node's id.
     *
     * @return its {@code qkdn_id}
     */
    public UUID self() {
        return self;
    }

    private Reception handle(final UUID from, final RoutingMessage message) {
        if (links.stream().noneMatch(link -> link.neighbour().equals(from))) {
            return refuse(from, "node " + from + " is not at the end of any link of this node");
        }
        final Instant now = clock.instant();
        return switch (message) {
            case RoutingMessage.Hello hello -> {
                if (!hello.origin().equals(from)) {
                    yield refuse(from, "hello from " + from + " names another origin " + hello.origin());
                }
                if (neighbours.heard(from, now)) {
                    LOG.info("Routing at {}: neighbour {} up", self, from);
                    database.all(now).forEach(lsa -> transport.send(from, RoutingCodec.encode(lsa)));
                    originateIfChanged();
                }
                yield Reception.HELLO;
            }
            case RoutingMessage.Advertisement lsa -> advertisement(from, lsa, now);
        };
    }

    private Reception advertisement(final UUID from, final RoutingMessage.Advertisement lsa, final Instant now) {
        if (lsa.origin().equals(self)) {
            if (lsa.sequence() > sequence) {
                LOG.info("Routing at {}: own advertisement {} from before a restart; re-originating", self,
                    lsa.sequence());
                sequence = lsa.sequence();
                originate(now);
                return Reception.NEWER;
            }
            return lsa.sequence() == sequence ? Reception.DUPLICATE : Reception.OLDER;
        }
        final Reception verdict = database.offer(lsa, now);
        if (verdict.kind() == Reception.Kind.NEWER) {
            flood(lsa, from);
            recompute();
        }
        return verdict;
    }

    private boolean originateIfChanged() {
        final List<RoutingMessage.Adjacency> wanted = adjacencies();
        if (wanted.equals(advertised)) {
            return false;
        }
        final Instant now = clock.instant();
        final boolean topology = !neighbourIds(wanted).equals(neighbourIds(advertised));
        if (topology || lastOrigination == Instant.MIN
                || Duration.between(lastOrigination, now).compareTo(settings.minLsaInterval()) >= 0) {
            originate(now);
            return true;
        }
        recompute();
        return false;
    }

    private void originate(final Instant now) {
        sequence++;
        advertised = adjacencies();
        lastOrigination = now;
        final RoutingMessage.Advertisement lsa = new RoutingMessage.Advertisement(self, sequence, 0, advertised);
        database.offer(lsa, now);
        flood(lsa, self);
        recompute();
    }

    private void flood(final RoutingMessage.Advertisement lsa, final UUID except) {
        final byte[] bytes = RoutingCodec.encode(lsa);
        for (UUID neighbour : neighbours.up()) {
            if (!neighbour.equals(except)) {
                transport.send(neighbour, bytes.clone());
            }
        }
    }

    private List<RoutingMessage.Adjacency> adjacencies() {
        final Map<UUID, Integer> best = new HashMap<>();
        for (LocalLink link : links) {
            if (LinkMetric.usable(link.metric()) && neighbours.isUp(link.neighbour())) {
                best.merge(link.neighbour(), Math.min(link.metric(), RoutingCodec.MAX_METRIC), Math::min);
            }
        }
        final List<RoutingMessage.Adjacency> list = new ArrayList<>();
        best.forEach((neighbour, metric) -> list.add(new RoutingMessage.Adjacency(neighbour, metric)));
        list.sort(Comparator.comparing(RoutingMessage.Adjacency::neighbour));
        return list;
    }

    private static Set<UUID> neighbourIds(final List<RoutingMessage.Adjacency> adjacencies) {
        final Set<UUID> ids = new HashSet<>();
        adjacencies.forEach(a -> ids.add(a.neighbour()));
        return ids;
    }

    private void recompute() {
        final Map<UUID, List<RoutingMessage.Adjacency>> graph = database.adjacencies();
        graph.put(self, adjacencies());
        final RoutingTable next = ShortestPaths.compute(self, graph);
        if (!next.equals(table)) {
            final RoutingTable before = pendingChange == null ? table : pendingChange.previous();
            pendingChange = new RouteChange(clock.instant(), before, next, before.differences(next));
            table = next;
        }
    }

    private Reception refuse(final UUID from, final String reason) {
        refused++;
        LOG.warn("Routing at {}: message from {} refused: {}", self, from, reason);
        return Reception.refused(reason);
    }

    private RouteChange takeChange() {
        final RouteChange change = pendingChange;
        pendingChange = null;
        return change;
    }

    private void fire(final RouteChange change) {
        if (change == null || change.changed().isEmpty()) {
            return;
        }
        for (Consumer<RouteChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("Route change listener failed", e);
            }
        }
    }
}
