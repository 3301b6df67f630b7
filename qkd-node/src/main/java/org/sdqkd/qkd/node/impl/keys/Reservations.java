package org.sdqkd.qkd.node.impl.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;

/**
 * The keys reserved at this node for slave SAEs by a master SAE at a peer node: each is given to each slave named
 * once, and erased when no slave remains or its lifetime ends. A reservation the peer never confirmed is dropped
 * when the channel it came over closes.
 */
final class Reservations {
    private final Map<UUID, Reservation> byKey = new HashMap<>();
    private final Duration lifetime;

    Reservations(final Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Reserves keys.
     *
     * @param linkId    the link they came over
     * @param requestId the peer's request number
     * @param master    the master SAE
     * @param slaves    the slave SAEs
     * @param keys      key_ID to bytes
     * @param now       the time now
     * @return false when a key_ID is reserved already (then nothing is reserved; the caller erases the bytes)
     */
    synchronized boolean add(final UUID linkId, final long requestId, final String master, final List<String> slaves,
            final LinkedHashMap<UUID, KeyBytes> keys, final Instant now) {
        for (UUID keyId : keys.keySet()) {
            if (byKey.containsKey(keyId)) {
                return false;
            }
        }
        final Instant expiry = now.plus(lifetime);
        keys.forEach((keyId, bytes) -> byKey.put(keyId, new Reservation(linkId, requestId, master, Set.copyOf(slaves),
            new HashSet<>(slaves), bytes, expiry)));
        return true;
    }

    /** The peer confirmed a request: its reservations stand. */
    synchronized void confirm(final UUID linkId, final long requestId) {
        for (Reservation r : byKey.values()) {
            if (r.linkId.equals(linkId) && r.requestId == requestId) {
                r.confirmed = true;
            }
        }
    }

    /** Drops the reservations of a link that the peer never confirmed; returns how many. */
    synchronized int dropUnconfirmed(final UUID linkId) {
        return removeIf(r -> r.linkId.equals(linkId) && !r.confirmed);
    }

    /** Drops every reservation of a link. */
    synchronized void dropLink(final UUID linkId) {
        removeIf(r -> r.linkId.equals(linkId));
    }

    /** Drops the reservations past their lifetime; returns how many. */
    synchronized int expire(final Instant now) {
        return removeIf(r -> !now.isBefore(r.expiry));
    }

    /** The keys reserved over a link and not yet fetched by every slave. */
    synchronized long count(final UUID linkId) {
        return byKey.values().stream().filter(r -> r.linkId.equals(linkId)).count();
    }

    /** Erases everything. */
    synchronized void clear() {
        removeIf(r -> true);
    }

    /**
     * Gives keys to a slave SAE, all or nothing.
     *
     * @param slave     the slave SAE
     * @param master    the master SAE it names
     * @param keyIds    the key_IDs
     * @param delivered told the link and byte length of each key given
     * @return copies of the keys, in the order of the IDs
     * @throws KeyDeliveryException 400 for an unknown or already delivered key_ID, 401 for a key made for another
     *                              pair
     */
    synchronized List<DeliveredKey> take(final String slave, final String master, final List<UUID> keyIds,
            final ObjIntConsumer<UUID> delivered) throws KeyDeliveryException {
        if (Set.copyOf(keyIds).size() != keyIds.size()) {
            throw new KeyDeliveryException(KeyDeliveryException.Kind.BAD_REQUEST, "a key_ID is named twice");
        }
        final List<Reservation> found = new ArrayList<>(keyIds.size());
        for (UUID keyId : keyIds) {
            final Reservation r = byKey.get(keyId);
            if (r == null) {
                throw refusal(KeyDeliveryException.Kind.BAD_REQUEST, "key_ID is unknown or already delivered", keyId);
            }
            if (!r.master.equals(master) || !r.slaves.contains(slave)) {
                throw refusal(KeyDeliveryException.Kind.UNAUTHORIZED, "key_ID was not made for this SAE and master",
                    keyId);
            }
            if (!r.remaining.contains(slave)) {
                throw refusal(KeyDeliveryException.Kind.BAD_REQUEST, "key_ID was delivered to this SAE already",
                    keyId);
            }
            found.add(r);
        }
        final List<DeliveredKey> keys = new ArrayList<>(keyIds.size());
        for (int i = 0; i < keyIds.size(); i++) {
            final Reservation r = found.get(i);
            final byte[] copy = r.bytes.bytes();
            keys.add(new DeliveredKey(keyIds.get(i), KeyBytes.copyOf(copy)));
            java.util.Arrays.fill(copy, (byte) 0);
            delivered.accept(r.linkId, r.bytes.length());
            r.remaining.remove(slave);
            if (r.remaining.isEmpty()) {
                r.bytes.erase();
                byKey.remove(keyIds.get(i));
            }
        }
        return keys;
    }

    private static KeyDeliveryException refusal(final KeyDeliveryException.Kind kind, final String message,
            final UUID keyId) {
        return new KeyDeliveryException(kind, message, List.of(Map.of("key_ID", keyId.toString())));
    }

    private int removeIf(final java.util.function.Predicate<Reservation> which) {
        int removed = 0;
        final var it = byKey.values().iterator();
        while (it.hasNext()) {
            final Reservation r = it.next();
            if (which.test(r)) {
                r.bytes.erase();
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** One reserved key. */
    private static final class Reservation {
        private final UUID linkId;
        private final long requestId;
        private final String master;
        private final Set<String> slaves;
        private final Set<String> remaining;
        private final KeyBytes bytes;
        private final Instant expiry;
        private boolean confirmed;

        Reservation(final UUID linkId, final long requestId, final String master, final Set<String> slaves,
                final Set<String> remaining, final KeyBytes bytes, final Instant expiry) {
            this.linkId = linkId;
            this.requestId = requestId;
            this.master = master;
            this.slaves = slaves;
            this.remaining = remaining;
            this.bytes = bytes;
            this.expiry = expiry;
        }
    }
}
