package org.sdqkd.qkd.node.impl.keys;

import java.time.Instant;
import java.util.ArrayList;
import org.sdqkd.etsi014.api.Etsi014Limits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave side of a reservation: a peer's RESERVE is checked against this node's applications (each slave SAE
 * here must be allowed to get keys from the master over that link), its units are moved from the link's store into
 * {@link Reservations}, and the answer goes back.
 */
final class ReservationDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationDesk.class);

    private final Reservations reservations;
    private final Applications applications;
    private final String nodeName;

    ReservationDesk(final Reservations reservations, final Applications applications, final String nodeName) {
        this.reservations = reservations;
        this.applications = applications;
        this.nodeName = nodeName;
    }

    /**
     * Handles a peer's RESERVE over a link.
     *
     * @param link    the link it came over
     * @param reserve the request
     * @return the reply to send
     */
    Frame.ReserveReply reserve(final EmulatedLink link, final Frame.Reserve reserve) {
        final String master = Applications.sae(reserve.masterSae());
        final Instant now = Instant.now();
        if (!Etsi014Limits.validKeySize(reserve.sizeBits()) || reserve.keys().isEmpty()
                || reserve.slaveSaes().isEmpty()) {
            return refuse(link, reserve, 400, "malformed reservation");
        }
        final List<String> slaves = reserve.slaveSaes().stream().map(Applications::sae).toList();
        for (String slave : slaves) {
            final boolean allowed = applications.allowing(slave, List.of(master), now).stream()
                .anyMatch(app -> Applications.uses(app, link.spec()));
            if (!allowed) {
                return refuse(link, reserve, 401, "no application at node " + nodeName + " lets SAE " + slave
                    + " get keys from SAE " + master + " over this link");
            }
        }
        final int per = KeyMaterial.unitsPerKey(reserve.sizeBits());
        final List<UUID> unitIds = new ArrayList<>();
        for (Frame.KeyUnits key : reserve.keys()) {
            if (key.unitIds().size() != per) {
                return refuse(link, reserve, 400, "a key of " + reserve.sizeBits() + " bits is made of " + per
                    + " units");
            }
            unitIds.addAll(key.unitIds());
        }
        final List<Frame.Unit> units = link.takeReserved(unitIds);
        if (units.isEmpty()) {
            return refuse(link, reserve, 503, "the key units are not in the store at node " + nodeName
                + " (taken by another request)");
        }
        final List<KeyBytes> keys = KeyMaterial.assemble(units, reserve.sizeBits());
        UnitStore.erase(units);
        final LinkedHashMap<UUID, KeyBytes> byId = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byId.put(reserve.keys().get(i).keyId(), keys.get(i));
        }
        if (!reservations.add(link.id(), reserve.requestId(), master, slaves, byId, now)) {
            keys.forEach(KeyBytes::erase);
            return refuse(link, reserve, 400, "a key_ID is reserved already");
        }
        return new Frame.ReserveReply(reserve.requestId(), 0, "");
    }

    /** Refuses; the units named are erased here too, as the requesting end erased them. */
    private static Frame.ReserveReply refuse(final EmulatedLink link, final Frame.Reserve reserve, final int status,
            final String why) {
        link.discard(reserve.keys().stream().flatMap(key -> key.unitIds().stream()).toList());
        LOG.info("link {}: refused reservation {} of {} keys: {}", link.id(), reserve.requestId(),
            reserve.keys().size(), why);
        return new Frame.ReserveReply(reserve.requestId(), status, why);
    }

    /** The peer confirmed a reservation. */
    void confirmed(final EmulatedLink link, final long requestId) {
        reservations.confirm(link.id(), requestId);
    }

    /** A link's channel closed: reservations never confirmed are dropped; returns how many. */
    int channelClosed(final EmulatedLink link) {
        return reservations.dropUnconfirmed(link.id());
    }

    /** The keys reserved over a link. */
    long reserved(final UUID linkId) {
        return reservations.count(linkId);
    }
}
