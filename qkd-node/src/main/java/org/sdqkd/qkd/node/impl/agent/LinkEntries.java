package org.sdqkd.qkd.node.impl.agent;

import static org.sdqkd.qkd.node.impl.agent.EtsiNotifications.uuid;

import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.LinkCondition;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.QkdLink1Builder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.KeyStoreBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.Qber;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.sdqkd.qkd.node.api.LinkState;

/**
 * A link's entry in the node's operational {@code qkd_node}, built with the generated builders: its ETSI status and
 * performance and sdqkd's {@code key-store} augment, every value taken from the key plane's reading.
 */
final class LinkEntries {
    private LinkEntries() {
        // static only
    }

    /** The entry of a VIRT link: configuration only, reported PENDING. */
    static QkdLink virtual(final java.util.UUID id) {
        return new QkdLinkBuilder().setQkdlId(uuid(id)).setQkdlStatus(LinkStatus.PENDING.identity()).build();
    }

    /**
     * The entry of an emulated link.
     *
     * @param id          {@code qkdl_id}
     * @param status      its ETSI status
     * @param condition   its key-store condition
     * @param reason      why it is not up (written unless it is up)
     * @param reading     the key plane's reading, when the plane reports the link
     * @param performance its performance
     * @return the entry
     */
    static QkdLink emulated(final java.util.UUID id, final LinkStatus status, final LinkState.Condition condition,
            final String reason, final Optional<LinkState> reading, final EtsiNotifications.Performance performance) {
        final KeyStoreBuilder store = new KeyStoreBuilder().setCondition(condition(condition));
        if (condition != LinkState.Condition.UP) {
            store.setReason(reason);
        }
        reading.ifPresent(s -> {
            store.setPeerNode(s.peerNodeName().orElse(null));
            if (s.listenPort().isPresent()) {
                store.setListenPort(new PortNumber(Uint16.valueOf(s.listenPort().getAsInt())));
            }
            store.setQber(new Qber(Decimal64.of(6, Math.round(Math.min(1, Math.max(0, s.qber())) * 1_000_000))))
                .setNominalSkr(new BitRate(count(s.nominalSkr()))).setStoredKeys(count(s.storedKeys()))
                .setCapacity(count(s.capacityKeys())).setReservedKeys(count(s.reservedKeys()))
                .setKeysDelivered(count(s.keysDelivered())).setBitsGenerated(count(s.bitsGenerated()))
                .setRefusals(count(s.refusals()));
        });
        return new QkdLinkBuilder().setQkdlId(uuid(id)).setQkdlStatus(status.identity())
            .setQkdlPerformance(performance.qkdlPerformance())
            .addAugmentation(new QkdLink1Builder().setKeyStore(store.build()).build()).build();
    }

    /** The key-store condition of the key plane's condition. */
    static LinkCondition condition(final LinkState.Condition condition) {
        return switch (condition) {
            case UP -> LinkCondition.Up;
            case NO_KEY_RATE -> LinkCondition.NoKeyRate;
            case QBER_ALARM -> LinkCondition.QberAlarm;
            case DOWN -> LinkCondition.Down;
            case CONNECTING -> LinkCondition.Connecting;
            case DISABLED -> LinkCondition.Disabled;
        };
    }

    private static Uint64 count(final long value) {
        return Uint64.valueOf(Math.max(0, value));
    }
}
