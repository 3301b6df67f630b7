package org.sdqkd.qkd.node.impl.relay;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.keys.EmulatedKeyPlane;
import org.sdqkd.qkd.node.impl.keys.LinkUnits;
import org.sdqkd.qkd.node.impl.relay.channel.ChannelHandler;
import org.sdqkd.qkd.node.impl.relay.channel.ChannelListener;
import org.sdqkd.qkd.node.impl.relay.channel.ChannelSettings;
import org.sdqkd.qkd.node.impl.relay.channel.KmeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part of the trusted-node relay. The source draws a fresh random 256-bit end-to-end key, pads it with a
 * fresh unit of its link to the next hop and authenticates it with another (both used once and erased), and sends
 * it with the key_ID and the path; each trusted node takes the same units of the incoming link, checks the MAC and
 * the sequence, unpads, and pads again with units of the outgoing link; the destination buffers the key. The ends
 * buffer keys per association ({@link #keys}); an intermediate node never holds one beyond the call that relays
 * it, and never logs one. A node whose {@code trustedRelay} is false refuses routes through it and messages to
 * relay.
 */
public final class RelayNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayNode.class);
    private static final int UNIT = RelayMessage.KEY_BYTES;
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    });
    /** How long a receiver waits for link units the sender took but the link has not delivered here yet. */
    private static final long UNIT_WAIT_NANOS = 2_000_000_000L;

    private final UUID self;
    private final boolean trustedRelay;
    private final EmulatedKeyPlane plane;
    private final ChannelSettings channelSettings;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, RelayRoute> routes = new ConcurrentHashMap<>();
    private final Map<UUID, E2eKeys> buffers = new ConcurrentHashMap<>();
    private final Map<UUID, InetSocketAddress> peers = new ConcurrentHashMap<>();
    private final Map<UUID, Outgoing> outgoing = new ConcurrentHashMap<>();
    private final Map<KmeChannel, long[]> incoming = new ConcurrentHashMap<>();
    private final LongAdder originated = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder noLinkKey = new LongAdder();
    private final ChannelListener listener;
    private final Object routeLock = new Object();

    private RelayNode(final ChannelSettings channelSettings, final boolean trustedRelay, final EmulatedKeyPlane plane,
            final InetAddress address, final int port) throws IOException {
        this.self = channelSettings.self();
        this.trustedRelay = trustedRelay;
        this.plane = requireNonNull(plane);
        this.channelSettings = channelSettings;
        this.listener = ChannelListener.listen(channelSettings, address, port, peers::containsKey,
            peer -> new Incoming());
    }

    /**
     * Starts a relay node: its channel listener is bound at once.
     *
     * @param channelSettings the KME-to-KME channel settings (this node's ID and TLS context)
     * @param trustedRelay    whether this node may relay keys for others ({@code trusted-relay})
     * @param plane           the node's key plane (the links' units)
     * @param address         the channel address to bind
     * @param port            the port, 0 for any
     * @return the node
     * @throws IOException when the bind fails
     */
    public static RelayNode start(final ChannelSettings channelSettings, final boolean trustedRelay,
            final EmulatedKeyPlane plane, final InetAddress address, final int port) throws IOException {
        return new RelayNode(channelSettings, trustedRelay, plane, address, port);
    }

    /** The channel port bound. */
    public int port() {
        return listener.port();
    }

    /**
     * Names a neighbour's channel address; only named neighbours may connect.
     *
     * @param node    the neighbour's node ID
     * @param address its channel address
     */
    public void setPeer(final UUID node, final InetSocketAddress address) {
        peers.put(requireNonNull(node), requireNonNull(address));
    }

    /**
     * Makes the routes through or to this node these. A route whose path does not name this node, or that would
     * relay through it when it is not a trusted relay, is refused and nothing changes.
     *
     * @param wanted every route of this node
     * @throws IllegalArgumentException naming the route refused and why
     */
    public void applyRoutes(final Collection<RelayRoute> wanted) {
        synchronized (routeLock) {
            replaceRoutes(wanted);
        }
    }

    private void replaceRoutes(final Collection<RelayRoute> wanted) {
        for (RelayRoute route : wanted) {
            final int index = route.path().indexOf(self);
            if (index < 0) {
                throw new IllegalArgumentException("route " + route.association() + " does not pass node " + self);
            }
            if (index > 0 && index < route.path().size() - 1 && !trustedRelay) {
                throw new IllegalArgumentException("route " + route.association() + " relays through node " + self
                    + ", which is not a trusted relay");
            }
        }
        final Map<UUID, RelayRoute> next = new ConcurrentHashMap<>();
        wanted.forEach(route -> next.put(route.association(), route));
        routes.keySet().removeIf(id -> !next.containsKey(id));
        routes.putAll(next);
        buffers.entrySet().removeIf(entry -> {
            final RelayRoute route = next.get(entry.getKey());
            final boolean gone = route == null || !isEnd(route);
            if (gone) {
                entry.getValue().clear();
            }
            return gone;
        });
        next.values().stream().filter(this::isEnd)
            .forEach(route -> buffers.computeIfAbsent(route.association(), id -> new E2eKeys()));
    }

    private boolean isEnd(final RelayRoute route) {
        return route.source().equals(self) || route.destination().equals(self);
    }

    /**
     * The end-to-end keys of an association at this end.
     *
     * @param association the association
     * @return its buffer, empty when this node is not an end of it
     */
    public Optional<E2eKeys> keys(final UUID association) {
        return Optional.ofNullable(buffers.get(association));
    }

    /**
     * Draws and sends new end-to-end keys of an association this node is the source of.
     *
     * @param association the association
     * @param count       how many keys
     * @return how many were sent (fewer when the first link runs out of keys)
     * @throws IOException when the channel to the next hop fails
     */
    public int originate(final UUID association, final int count) throws IOException {
        final RelayRoute route = routes.get(association);
        if (route == null || !route.source().equals(self)) {
            throw new IllegalArgumentException("node " + self + " is not the source of association " + association);
        }
        final E2eKeys buffer = buffers.get(association);
        for (int i = 0; i < count; i++) {
            final byte[] key = new byte[UNIT];
            random.nextBytes(key);
            final UUID keyId = UUID.randomUUID();
            try {
                if (!send(route, 1, keyId, key)) {
                    return i;
                }
                buffer.put(keyId, KeyBytes.copyOf(key));
                originated.increment();
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return count;
    }

    /** Pads and sends a key to {@code path[hop]}; false when the link has too few units. */
    private boolean send(final RelayRoute route, final int hop, final UUID keyId, final byte[] key)
            throws IOException {
        final UUID next = route.path().get(hop);
        final Outgoing out = outgoing(next);
        final Optional<LinkUnits> taken = plane.takeRelayUnits(next, 2);
        if (taken.isEmpty()) {
            noLinkKey.increment();
            return false;
        }
        final LinkUnits units = taken.get();
        try {
            final byte[] ciphertext = new byte[UNIT];
            for (int i = 0; i < UNIT; i++) {
                ciphertext[i] = (byte) (key[i] ^ units.bytes()[i]);
            }
            synchronized (out) {
                final RelayMessage unsigned = new RelayMessage(out.sequence, route.association(), keyId, hop,
                    route.path(), units.link(), units.unitIds().get(0), units.unitIds().get(1), ciphertext,
                    new byte[UNIT]);
                final byte[] mac = mac(units.bytes(), unsigned.authenticated());
                out.channel.send(RelayMessage.TYPE, new RelayMessage(unsigned.sequence(), unsigned.association(),
                    keyId, hop, unsigned.path(), unsigned.link(), unsigned.padUnit(), unsigned.macUnit(), ciphertext,
                    mac).encode());
                out.sequence++;
            }
            return true;
        } finally {
            units.erase();
        }
    }

    private Outgoing outgoing(final UUID next) throws IOException {
        final Outgoing existing = outgoing.get(next);
        if (existing != null && existing.channel.isOpen()) {
            return existing;
        }
        synchronized (outgoing) {
            final Outgoing again = outgoing.get(next);
            if (again != null && again.channel.isOpen()) {
                return again;
            }
            final InetSocketAddress address = peers.get(next);
            if (address == null) {
                throw new IOException("no channel address for node " + next);
            }
            final Outgoing made = new Outgoing(KmeChannel.connect(channelSettings, address, next, new Incoming()));
            outgoing.put(next, made);
            return made;
        }
    }

    private void receive(final KmeChannel channel, final byte[] payload) {
        final RelayMessage message;
        try {
            message = RelayMessage.decode(payload);
        } catch (IllegalArgumentException e) {
            refuse(channel, "malformed: " + e.getMessage(), null);
            return;
        }
        final RelayRoute route = routes.get(message.association());
        final List<UUID> path = message.path();
        if (route == null || !route.path().equals(path) || !self.equals(path.get(message.hop()))
                || !channel.peer().equals(path.get(message.hop() - 1))) {
            refuse(channel, "unknown path " + path, message);
            return;
        }
        final boolean last = message.hop() == path.size() - 1;
        if (!last && !trustedRelay) {
            refuse(channel, "this node is not a trusted relay", message);
            return;
        }
        final Optional<LinkUnits> taken = awaitUnits(channel.peer(), message);
        if (taken.isEmpty()) {
            refuse(channel, "link units not held", message);
            return;
        }
        final LinkUnits units = taken.get();
        final byte[] key = new byte[UNIT];
        try {
            if (!MessageDigest.isEqual(mac(units.bytes(), message.authenticated()), message.mac())) {
                refuse(channel, "wrong MAC", message);
                return;
            }
            final long[] expected = incoming.computeIfAbsent(channel, c -> new long[1]);
            if (message.sequence() != expected[0]) {
                refuse(channel, "sequence " + message.sequence() + " where " + expected[0] + " was expected",
                    message);
                return;
            }
            expected[0]++;
            for (int i = 0; i < UNIT; i++) {
                key[i] = (byte) (message.ciphertext()[i] ^ units.bytes()[i]);
            }
            if (last) {
                buffers.get(message.association()).put(message.keyId(), KeyBytes.copyOf(key));
                delivered.increment();
            } else if (send(route, message.hop() + 1, message.keyId(), key)) {
                relayed.increment();
            } else {
                LOG.warn("relay of key_ID {} ({}) dropped: no link key towards {}", message.keyId(),
                    message.association(), path.get(message.hop() + 1));
            }
        } catch (IOException e) {
            LOG.warn("relay of key_ID {} ({}) failed: {}", message.keyId(), message.association(), e.getMessage());
        } finally {
            units.erase();
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Takes the units a message names. The sending end may have taken units that the link has not yet delivered
     * to this end (the producing end sends them in blocks), so this waits up to {@link #UNIT_WAIT_NANOS}.
     */
    private Optional<LinkUnits> awaitUnits(final UUID peer, final RelayMessage message) {
        final List<UUID> ids = List.of(message.padUnit(), message.macUnit());
        final long deadline = System.nanoTime() + UNIT_WAIT_NANOS;
        Optional<LinkUnits> taken = plane.takeRelayUnits(peer, message.link(), ids);
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            taken = plane.takeRelayUnits(peer, message.link(), ids);
        }
        return taken;
    }

    private void refuse(final KmeChannel channel, final String reason, final RelayMessage message) {
        refused.increment();
        LOG.warn("relay message from node {} refused: {}{}", channel.peer(), reason,
            message == null ? "" : " (association " + message.association() + ", key_ID " + message.keyId() + ")");
    }

    private static byte[] mac(final byte[] units, final byte[] data) {
        try {
            final Mac hmac = HMAC.get();
            final SecretKeySpec key = new SecretKeySpec(units, UNIT, UNIT, "HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The counters. */
    public RelayCounters counters() {
        return new RelayCounters(originated.sum(), relayed.sum(), delivered.sum(), refused.sum(), noLinkKey.sum());
    }

    /** Stops listening, closes the channels and erases the buffered keys. */
    @Override
    public void close() throws IOException {
        listener.close();
        outgoing.values().forEach(out -> out.channel.close());
        buffers.values().forEach(E2eKeys::clear);
    }

    /** An outgoing channel and its relay sequence (guarded by the object's lock). */
    private static final class Outgoing {
        private final KmeChannel channel;
        private long sequence;

        Outgoing(final KmeChannel channel) {
            this.channel = channel;
        }
    }

    /** Receives relay messages on a channel. */
    private final class Incoming implements ChannelHandler {
        @Override
        public void onMessage(final KmeChannel channel, final int type, final byte[] payload) {
            if (type == RelayMessage.TYPE) {
                receive(channel, payload);
            } else {
                refuse(channel, "unknown message type " + type, null);
            }
        }

        @Override
        public void onClose(final KmeChannel channel, final String reason) {
            incoming.remove(channel);
        }
    }
}
