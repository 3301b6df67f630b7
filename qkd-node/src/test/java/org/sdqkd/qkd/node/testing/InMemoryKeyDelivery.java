package org.sdqkd.qkd.node.testing;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.KeyDelivery;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.KeyDeliveryException.Kind;
import org.sdqkd.etsi014.api.Status;

/**
 * A {@link KeyDelivery} in one process for KME tests and benchmarks: both ends of a link in one object. Pairs of
 * (master, slave) SAEs are allowed explicitly; a pool of 256-bit units stands for the link's key store. It follows
 * the key plane's semantics: sizes are multiples of 8 from 64 to 8192 bits; a key is made of ceil(size/256) units;
 * a pair not allowed is 401; too few units 503; dec_keys only for the master and the slaves named, each slave once,
 * all or nothing, an unknown or already delivered key_ID 400. Thread-safe.
 */
public final class InMemoryKeyDelivery implements KeyDelivery {
    /** The default key size, in bits. */
    public static final int KEY_SIZE = 256;
    /** The KME ID this delivery reports as the source. */
    public static final String SOURCE_KME = "KME_LOCAL";
    /** The KME ID this delivery reports as the target. */
    public static final String TARGET_KME = "KME_PEER";

    /** A key given to its master, waiting for its slaves. */
    private record Reserved(String master, Set<String> slaves, Set<String> delivered, KeyBytes key) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Set<List<String>> allowed = new HashSet<>();
    private final Map<UUID, Reserved> reserved = new HashMap<>();
    private final List<DeliveredKey> handedOut = new ArrayList<>();
    private final long capacity;
    private long available;
    private boolean recording;

    /**
     * A delivery with a full pool.
     *
     * @param units the pool's size in 256-bit units
     */
    public InMemoryKeyDelivery(final long units) {
        this.capacity = units;
        this.available = units;
    }

    /**
     * Allows a master SAE to share keys with a slave SAE.
     *
     * @param master the master SAE ID
     * @param slave  the slave SAE ID
     * @return this
     */
    public synchronized InMemoryKeyDelivery allow(final String master, final String slave) {
        allowed.add(List.of(master, slave));
        return this;
    }

    /** Sets the units left in the pool. */
    public synchronized void setAvailable(final long units) {
        available = units;
    }

    /** The units left in the pool. */
    public synchronized long available() {
        return available;
    }

    /** Keeps every {@link DeliveredKey} handed out from now on, for {@link #handedOut()}. */
    public synchronized void record() {
        recording = true;
    }

    /** The keys handed out since {@link #record()} (the very objects, to see whether they were erased). */
    public synchronized List<DeliveredKey> handedOut() {
        return List.copyOf(handedOut);
    }

    /** How many keys wait for a slave. */
    public synchronized int reservedCount() {
        return reserved.size();
    }

    @Override
    public synchronized Status status(final String masterSae, final String slaveSae) throws KeyDeliveryException {
        checkAllowed(masterSae, slaveSae);
        return Status.of(SOURCE_KME, TARGET_KME, masterSae, slaveSae, KEY_SIZE, available, capacity, 1024, 8192,
            64, 8);
    }

    @Override
    public synchronized List<DeliveredKey> encKeys(final String masterSae, final List<String> slaveSaes,
            final int number, final int sizeBits) throws KeyDeliveryException {
        if (number < 1) {
            throw new KeyDeliveryException(Kind.BAD_REQUEST, "number must be at least 1");
        }
        if (sizeBits % 8 != 0 || sizeBits < 64 || sizeBits > 8192) {
            throw new KeyDeliveryException(Kind.BAD_REQUEST, "bad key size: " + sizeBits);
        }
        if (slaveSaes.isEmpty()) {
            throw new KeyDeliveryException(Kind.BAD_REQUEST, "no slave SAE");
        }
        for (String slave : slaveSaes) {
            checkAllowed(masterSae, slave);
        }
        final long units = (long) number * ((sizeBits + 255) / 256);
        if (units > available) {
            throw new KeyDeliveryException(Kind.UNAVAILABLE, "not enough key material: " + units + " units needed, "
                + available + " stored", List.of(Map.of("stored_units", Long.toString(available))));
        }
        available -= units;
        final List<DeliveredKey> keys = new ArrayList<>(number);
        final byte[] bytes = new byte[sizeBits / 8];
        for (int i = 0; i < number; i++) {
            random.nextBytes(bytes);
            final UUID id = UUID.randomUUID();
            reserved.put(id, new Reserved(masterSae, new LinkedHashSet<>(slaveSaes), new HashSet<>(),
                KeyBytes.copyOf(bytes)));
            keys.add(handOut(new DeliveredKey(id, KeyBytes.copyOf(bytes))));
        }
        Arrays.fill(bytes, (byte) 0);
        return keys;
    }

    @Override
    public synchronized List<DeliveredKey> decKeys(final String slaveSae, final String masterSae,
            final List<UUID> keyIds) throws KeyDeliveryException {
        if (keyIds.isEmpty()) {
            throw new KeyDeliveryException(Kind.BAD_REQUEST, "no key_ID");
        }
        for (UUID id : keyIds) {
            final Reserved key = reserved.get(id);
            if (key == null) {
                throw new KeyDeliveryException(Kind.BAD_REQUEST, "unknown key_ID: " + id,
                    List.of(Map.of("key_ID", id.toString())));
            }
            if (!key.master().equals(masterSae) || !key.slaves().contains(slaveSae)) {
                throw new KeyDeliveryException(Kind.UNAUTHORIZED, "key_ID " + id + " is not for SAE " + slaveSae
                    + " from master " + masterSae, List.of(Map.of("key_ID", id.toString())));
            }
            if (key.delivered().contains(slaveSae)) {
                throw new KeyDeliveryException(Kind.BAD_REQUEST, "key_ID already delivered: " + id,
                    List.of(Map.of("key_ID", id.toString())));
            }
        }
        final List<DeliveredKey> keys = new ArrayList<>(keyIds.size());
        for (UUID id : keyIds) {
            final Reserved key = reserved.get(id);
            key.delivered().add(slaveSae);
            final byte[] bytes = key.key().bytes();
            keys.add(handOut(new DeliveredKey(id, KeyBytes.copyOf(bytes))));
            Arrays.fill(bytes, (byte) 0);
            if (key.delivered().containsAll(key.slaves())) {
                key.key().erase();
                reserved.remove(id);
            }
        }
        return keys;
    }

    private void checkAllowed(final String master, final String slave) throws KeyDeliveryException {
        if (!allowed.contains(List.of(requireNonNull(master), requireNonNull(slave)))) {
            throw new KeyDeliveryException(Kind.UNAUTHORIZED, "SAE " + master + " may not share keys with SAE "
                + slave, List.of(Map.of("master_SAE_ID", master, "slave_SAE_ID", slave)));
        }
    }

    private DeliveredKey handOut(final DeliveredKey key) {
        if (recording) {
            handedOut.add(key);
        }
        return key;
    }
}
