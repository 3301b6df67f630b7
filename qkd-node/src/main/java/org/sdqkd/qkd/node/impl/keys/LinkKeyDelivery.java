package org.sdqkd.qkd.node.impl.keys;

import static org.sdqkd.etsi014.api.Etsi014Limits.DEFAULT_KEY_SIZE;
import static org.sdqkd.etsi014.api.Etsi014Limits.MAX_ADDITIONAL_SLAVES;
import static org.sdqkd.etsi014.api.Etsi014Limits.MAX_KEYS_PER_REQUEST;
import static org.sdqkd.etsi014.api.Etsi014Limits.MAX_KEY_SIZE;
import static org.sdqkd.etsi014.api.Etsi014Limits.MIN_KEY_SIZE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.api.KeyDelivery;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.AppSpec;

/**
 * ETSI GS QKD 014 key delivery over the emulated links: enc_keys takes units from the best link's store, reserves
 * the keys at the peer and only then answers; dec_keys hands out what peers reserved here.
 */
final class LinkKeyDelivery implements KeyDelivery {
    private final String kmeId;
    private final Applications applications;
    private final Reservations reservations;
    private final Supplier<Collection<EmulatedLink>> links;

    LinkKeyDelivery(final String kmeId, final Applications applications, final Reservations reservations,
            final Supplier<Collection<EmulatedLink>> links) {
        this.kmeId = kmeId;
        this.applications = applications;
        this.reservations = reservations;
        this.links = links;
    }

    @Override
    public Status status(final String masterSae, final String slaveSae) throws KeyDeliveryException {
        final String master = Applications.sae(masterSae);
        final String slave = Applications.sae(slaveSae);
        final List<AppSpec> apps = allowed(master, List.of(slave));
        final Optional<EmulatedLink> best = best(apps);
        return Status.of(kmeId, best.flatMap(EmulatedLink::peerName).orElse("unknown"), master, slave,
            DEFAULT_KEY_SIZE, best.map(EmulatedLink::available).orElse(0),
            best.map(link -> link.spec().capacityKeys()).orElse(0), MAX_KEYS_PER_REQUEST, MAX_KEY_SIZE, MIN_KEY_SIZE,
            MAX_ADDITIONAL_SLAVES);
    }

    @Override
    public List<DeliveredKey> encKeys(final String masterSae, final List<String> slaveSaes, final int number,
            final int sizeBits) throws KeyDeliveryException {
        final String master = Applications.sae(masterSae);
        final List<String> slaves = slaveSaes.stream().map(Applications::sae).toList();
        if (slaves.isEmpty() || slaves.size() > 1 + MAX_ADDITIONAL_SLAVES
                || new HashSet<>(slaves).size() != slaves.size()
                || slaves.contains(master)) {
            throw bad("name one to " + (1 + MAX_ADDITIONAL_SLAVES) + " distinct slave SAEs, not the master itself");
        }
        if (number < 1 || number > MAX_KEYS_PER_REQUEST) {
            throw bad("number must be 1 to " + MAX_KEYS_PER_REQUEST);
        }
        if (!Etsi014Limits.validKeySize(sizeBits)) {
            throw bad("size must be a multiple of 8 from " + MIN_KEY_SIZE + " to " + MAX_KEY_SIZE);
        }
        final List<AppSpec> apps = allowed(master, slaves);
        final EmulatedLink link = best(apps)
            .orElseThrow(() -> unavailable("no link to the slave SAEs' node is configured"));
        if (!link.connected()) {
            throw unavailable("link " + link.id() + " to the slave SAEs' node is not connected");
        }
        final int needed = number * KeyMaterial.unitsPerKey(sizeBits);
        final List<Frame.Unit> units = link.take(needed);
        if (units.isEmpty()) {
            link.countRefusal();
            throw unavailable("not enough keys on link " + link.id() + ": " + needed + " units needed, "
                + link.available() + " stored");
        }
        final long requestId = link.nextRequestId();
        final int per = KeyMaterial.unitsPerKey(sizeBits);
        final List<Frame.KeyUnits> plan = new ArrayList<>(number);
        final List<UUID> keyIds = new ArrayList<>(number);
        for (int k = 0; k < number; k++) {
            final UUID keyId = UUID.randomUUID();
            keyIds.add(keyId);
            plan.add(new Frame.KeyUnits(keyId, units.subList(k * per, (k + 1) * per).stream()
                .map(Frame.Unit::id).toList()));
        }
        final List<KeyBytes> keys = KeyMaterial.assemble(units, sizeBits);
        UnitStore.erase(units);
        final Frame.ReserveReply reply;
        try {
            reply = link.reserve(new Frame.Reserve(requestId, master, slaves, sizeBits, plan));
        } catch (KeyDeliveryException e) {
            keys.forEach(KeyBytes::erase);
            throw e;
        }
        if (reply.status() != 0) {
            keys.forEach(KeyBytes::erase);
            throw new KeyDeliveryException(kindOf(reply.status()), "the slave SAEs' node refused: "
                + reply.message());
        }
        if (!link.confirm(requestId)) {
            keys.forEach(KeyBytes::erase);
            throw unavailable("the connection to the peer node was lost");
        }
        final List<DeliveredKey> delivered = new ArrayList<>(number);
        for (int k = 0; k < number; k++) {
            delivered.add(new DeliveredKey(keyIds.get(k), keys.get(k)));
            link.countDelivered();
            applications.count(apps.getFirst().id(), sizeBits);
        }
        return delivered;
    }

    @Override
    public List<DeliveredKey> decKeys(final String slaveSae, final String masterSae, final List<UUID> keyIds)
            throws KeyDeliveryException {
        final String slave = Applications.sae(slaveSae);
        final String master = Applications.sae(masterSae);
        if (keyIds.isEmpty()) {
            throw bad("name at least one key_ID");
        }
        final List<AppSpec> apps = allowed(slave, List.of(master));
        final Collection<EmulatedLink> all = links.get();
        final List<DeliveredKey> keys = reservations.take(slave, master, keyIds, (linkId, bytes) -> {
            all.stream().filter(l -> l.id().equals(linkId)).findFirst().ifPresent(EmulatedLink::countDelivered);
            applications.count(apps.getFirst().id(), bytes * 8L);
        });
        return keys;
    }

    private List<AppSpec> allowed(final String local, final List<String> remote) throws KeyDeliveryException {
        final List<AppSpec> apps = applications.allowing(local, remote, Instant.now());
        if (apps.isEmpty()) {
            throw new KeyDeliveryException(KeyDeliveryException.Kind.UNAUTHORIZED, "no application lets SAE "
                + local + " share keys with " + String.join(", ", remote));
        }
        return apps;
    }

    /** The link with the most units among those the applications may use. */
    private Optional<EmulatedLink> best(final List<AppSpec> apps) {
        return links.get().stream().filter(link -> apps.stream().anyMatch(app -> Applications.uses(app, link.spec())))
            .max(Comparator.comparingInt(EmulatedLink::available));
    }

    private static KeyDeliveryException.Kind kindOf(final int status) {
        return switch (status) {
            case 400 -> KeyDeliveryException.Kind.BAD_REQUEST;
            case 401 -> KeyDeliveryException.Kind.UNAUTHORIZED;
            default -> KeyDeliveryException.Kind.UNAVAILABLE;
        };
    }

    private static KeyDeliveryException bad(final String message) {
        return new KeyDeliveryException(KeyDeliveryException.Kind.BAD_REQUEST, message);
    }

    private static KeyDeliveryException unavailable(final String message) {
        return new KeyDeliveryException(KeyDeliveryException.Kind.UNAVAILABLE, message);
    }
}
