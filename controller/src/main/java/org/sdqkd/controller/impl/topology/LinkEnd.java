package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerf;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlLocal;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlPerformance;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlRemote;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.LINKSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PHYS;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QBER;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDLINKTYPES;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.QkdLink1;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.KeyStore;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * One node's view of one of its QKD links ({@code qkd_links/qkd_link}): what that end reports.
 *
 * @param node            the reporting node
 * @param link            the link ({@code qkdl_id})
 * @param status          ETSI {@code qkdl_status}
 * @param skr             {@code qkdl_performance/skr}, bit/s
 * @param qber            sdqkd's {@code key-store/qber} (6 digits) when the node reports it, else the ETSI
 *                        {@code phys_perf} entry of type {@code QBER} (3 digits)
 * @param storedKeys      sdqkd's {@code key-store/stored-keys}: keys ready at this end
 * @param localInterface  {@code qkdl_local/qkdi_id}
 * @param remote          {@code qkdl_remote/qkdn_id}
 * @param remoteInterface {@code qkdl_remote/qkdi_id}
 * @param physical        whether the link is PHYS (a direct quantum channel) or of no stated type
 */
record LinkEnd(NodeId node, LinkId link, Optional<LINKSTATUSTYPES> status, OptionalLong skr,
        Optional<BigDecimal> qber, OptionalLong storedKeys, Optional<Uint32> localInterface, Optional<NodeId> remote,
        Optional<Uint32> remoteInterface, boolean physical) {
    LinkEnd {
        requireNonNull(node);
        requireNonNull(link);
        requireNonNull(status);
        requireNonNull(skr);
        requireNonNull(qber);
        requireNonNull(storedKeys);
        requireNonNull(localInterface);
        requireNonNull(remote);
        requireNonNull(remoteInterface);
    }

    /**
     * A node's view of a link, from its {@code qkd_link} entry.
     *
     * @param node the node
     * @param data the entry, as the binding codec decoded it
     * @return the view, or empty for an entry without {@code qkdl_id}
     */
    static Optional<LinkEnd> of(final NodeId node, final QkdLink data) {
        if (data.getQkdlId() == null) {
            return Optional.empty();
        }
        final QkdlPerformance performance = data.getQkdlPerformance();
        final KeyStore store = Optional.ofNullable(data.augmentation(QkdLink1.class)).map(QkdLink1::getKeyStore)
            .orElse(null);
        final QkdlLocal local = data.getQkdlLocal();
        final QkdlRemote remote = data.getQkdlRemote();
        final QKDLINKTYPES type = data.getQkdlType();
        return Optional.of(new LinkEnd(node, Ids.link(data.getQkdlId()), Optional.ofNullable(data.getQkdlStatus()),
            performance == null || performance.getSkr() == null ? OptionalLong.empty()
                : OptionalLong.of(performance.getSkr().toJava()),
            qber(store, performance),
            store == null || store.getStoredKeys() == null ? OptionalLong.empty()
                : OptionalLong.of(store.getStoredKeys().longValue()),
            Optional.ofNullable(local).map(QkdlLocal::getQkdiId),
            Optional.ofNullable(remote).map(QkdlRemote::getQkdnId).map(Ids::node),
            Optional.ofNullable(remote).map(QkdlRemote::getQkdiId),
            type == null || PHYS.class.equals(type.implementedInterface())));
    }

    private static Optional<BigDecimal> qber(final KeyStore store, final QkdlPerformance performance) {
        if (store != null && store.getQber() != null) {
            return Optional.of(store.getQber().getValue().decimalValue());
        }
        return performance == null ? Optional.empty() : physicalQber(performance.nonnullPhysPerf().values());
    }

    /**
     * The QBER among ETSI {@code phys_perf} entries.
     *
     * @param entries the entries
     * @return the value of the entry of type {@code QBER}, if any
     */
    static Optional<BigDecimal> physicalQber(final Iterable<PhysPerf> entries) {
        for (PhysPerf entry : entries) {
            if (entry.getPerfType() != null && QBER.class.equals(entry.getPerfType().implementedInterface())
                    && entry.getValue() != null) {
                return Optional.of(entry.getValue().decimalValue());
            }
        }
        return Optional.empty();
    }

    /** This view with another status, as a notification reported it. */
    LinkEnd withStatus(final LINKSTATUSTYPES newStatus) {
        return new LinkEnd(node, link, Optional.of(newStatus), skr, qber, storedKeys, localInterface, remote,
            remoteInterface, physical);
    }

    /** This view with another rate and, when given, QBER, as a notification reported them. */
    LinkEnd withPerformance(final OptionalLong newSkr, final Optional<BigDecimal> newQber) {
        return new LinkEnd(node, link, status, newSkr.isPresent() ? newSkr : skr,
            newQber.isPresent() ? newQber : qber, storedKeys, localInterface, remote, remoteInterface, physical);
    }
}
