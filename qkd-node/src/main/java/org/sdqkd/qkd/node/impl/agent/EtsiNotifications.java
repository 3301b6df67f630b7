package org.sdqkd.qkd.node.impl.agent;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.AlarmBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.EventBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationDisconnected;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationDisconnectedBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationNew;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationNewBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationQosUpdate;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnApplicationQosUpdateBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceDown;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceDownBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceNew;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceNewBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceOut;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceOutBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkDown;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkDownBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkOverloaded;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkOverloadedBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkPerfUpdate;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkPerfUpdateBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdInterfaceItem;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_qos.AppQosBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerf;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerfBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerfKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlPerformance;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlPerformanceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.IFACESTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.MAJOR;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.MINOR;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QBER;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Builds the notifications of ETSI GS QKD 015 ({@code etsi-qkd-sdn-node}) with the generated builders; the binding
 * codec turns them into the model's XML.
 */
final class EtsiNotifications {
    private static final PhysPerfKey QBER_KEY = new PhysPerfKey(QBER.VALUE);

    private EtsiNotifications() {
        // static only
    }

    /**
     * A link's performance as the state and the notifications carry it.
     *
     * @param expectedConsumption the applications' recent consumption, bits per second
     * @param skr                 the secret key rate, bits per second
     * @param eskr                the effective secret key rate, bits per second
     * @param qber                the QBER, on PHYS links
     */
    record Performance(long expectedConsumption, long skr, long eskr, OptionalDouble qber) {
        /** The link's {@code qkdl_performance} in the node's state. */
        QkdlPerformance qkdlPerformance() {
            return new QkdlPerformanceBuilder().setExpectedConsumption(uint32(expectedConsumption))
                .setSkr(uint32(skr)).setEskr(uint32(eskr)).setPhysPerf(physPerf()).build();
        }

        /** The QBER as a {@code phys_perf} entry (3 fraction digits), or null without a QBER. */
        private Map<PhysPerfKey, PhysPerf> physPerf() {
            if (qber.isEmpty()) {
                return null;
            }
            return Map.of(QBER_KEY, new PhysPerfBuilder().withKey(QBER_KEY)
                .setValue(Decimal64.of(3, Math.round(qber.getAsDouble() * 1000))).build());
        }
    }

    /** A value clamped into uint32. */
    static Uint32 uint32(final long value) {
        return Uint32.valueOf(Math.max(0, Math.min(value, 0xFFFF_FFFFL)));
    }

    /** A UUID as the model's {@code yang:uuid}. */
    static Uuid uuid(final UUID id) {
        return new Uuid(id.toString());
    }

    /** {@code sdqkdn_application_new} for an application configured. */
    static SdqkdnApplicationNew applicationNew(final QkdNodeConfig.App app, final UUID localNode) {
        final var application = new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .sdqkdn_application_new.QkdApplicationBuilder()
            .setAppType(app.type().orElse(null))
            .setServerAppId(app.serverAppId().map(Uri::new).orElse(null))
            .setClientAppId(app.clientAppIds().isEmpty() ? null
                : new LinkedHashSet<>(app.clientAppIds().stream().map(Uri::new).toList()))
            .setAppPriority(app.priority().isPresent() ? uint32(app.priority().getAsLong()) : null)
            .setLocalQkdnId(uuid(app.localNode().orElse(localNode)))
            .setAppQos(app.qos().map(q -> new AppQosBuilder(q).build()).orElse(null))
            .build();
        return new SdqkdnApplicationNewBuilder().setQkdApplication(application).build();
    }

    /** {@code sdqkdn_application_qos_update} for an application whose QoS or priority changed. */
    static SdqkdnApplicationQosUpdate applicationQosUpdate(final QkdNodeConfig.App app) {
        final var application = new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .sdqkdn_application_qos_update.QkdApplicationBuilder()
            .setAppId(uuid(app.id()))
            .setAppQos(app.qos().map(q -> new AppQosBuilder(q).build()).orElse(null))
            .setAppPriority(app.priority().isPresent() ? uint32(app.priority().getAsLong()) : null)
            .build();
        return new SdqkdnApplicationQosUpdateBuilder().setQkdApplication(application).build();
    }

    /** {@code sdqkdn_application_disconnected} for an application removed or expired. */
    static SdqkdnApplicationDisconnected applicationDisconnected(final UUID app) {
        return new SdqkdnApplicationDisconnectedBuilder().setQkdApplication(new org.opendaylight.yang.gen.v1.urn
            .etsi.qkd.yang.etsi.qkd.node.rev220130.sdqkdn_application_disconnected.QkdApplicationBuilder()
            .setAppId(uuid(app)).build()).build();
    }

    /** {@code sdqkdn_interface_new} for an interface configured: the entry's configured leaves. */
    static SdqkdnInterfaceNew interfaceNew(final QkdInterfaceItem entry) {
        return new SdqkdnInterfaceNewBuilder().setQkdInterface(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang
            .etsi.qkd.node.rev220130.sdqkdn_interface_new.QkdInterfaceBuilder(entry).build()).build();
    }

    /** {@code sdqkdn_interface_down} for an interface that failed. */
    static SdqkdnInterfaceDown interfaceDown(final long iface, final String reason) {
        return new SdqkdnInterfaceDownBuilder().setQkdInterface(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang
            .etsi.qkd.node.rev220130.sdqkdn_interface_down.QkdInterfaceBuilder().setQkdiId(uint32(iface))
            .setReason(reason).build()).build();
    }

    /** {@code sdqkdn_interface_out} for an interface removed. */
    static SdqkdnInterfaceOut interfaceOut(final long iface) {
        return new SdqkdnInterfaceOutBuilder().setQkdInterface(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang
            .etsi.qkd.node.rev220130.sdqkdn_interface_out.QkdInterfaceBuilder().setQkdiId(uint32(iface)).build())
            .build();
    }

    /** {@code sdqkdn_link_down} for a link that stopped being connected. */
    static SdqkdnLinkDown linkDown(final UUID link, final String reason) {
        return new SdqkdnLinkDownBuilder().setQkdLink(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd
            .node.rev220130.sdqkdn_link_down.QkdLinkBuilder().setQkdlId(uuid(link)).setReason(reason).build())
            .build();
    }

    /** {@code sdqkdn_link_perf_update}. */
    static SdqkdnLinkPerfUpdate linkPerfUpdate(final UUID link, final Performance performance) {
        final var perf = new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .sdqkdn_link_perf_update.qkd_link.PerformanceBuilder()
            .setExpectedConsumption(uint32(performance.expectedConsumption())).setSkr(uint32(performance.skr()))
            .setEskr(uint32(performance.eskr())).setPhysPerf(performance.physPerf()).build();
        return new SdqkdnLinkPerfUpdateBuilder().setQkdLink(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi
            .qkd.node.rev220130.sdqkdn_link_perf_update.QkdLinkBuilder().setQkdlId(uuid(link)).setPerformance(perf)
            .build()).build();
    }

    /** {@code sdqkdn_link_overloaded}. */
    static SdqkdnLinkOverloaded linkOverloaded(final UUID link, final Performance performance) {
        final var perf = new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .sdqkdn_link_overloaded.qkd_link.PerformanceBuilder()
            .setExpectedConsumption(uint32(performance.expectedConsumption())).setSkr(uint32(performance.skr()))
            .setEskr(uint32(performance.eskr())).build();
        return new SdqkdnLinkOverloadedBuilder().setQkdLink(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi
            .qkd.node.rev220130.sdqkdn_link_overloaded.QkdLinkBuilder().setQkdlId(uuid(link)).setPerformance(perf)
            .build()).build();
    }

    /** An {@code alarm} (severity MAJOR) about a link. */
    static Notification<?> linkAlarm(final UUID link, final LinkStatus status, final String message) {
        return new AlarmBuilder().setLink(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .alarm.LinkBuilder().setQkdlId(uuid(link)).setQkdlStatus(status.identity()).setMessage(message)
            .setSeverity(MAJOR.VALUE).build()).build();
    }

    /** An {@code event} (severity MINOR) about a link. */
    static Notification<?> linkEvent(final UUID link, final LinkStatus status, final String message) {
        return new EventBuilder().setLink(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130
            .event.LinkBuilder().setQkdlId(uuid(link)).setQkdlStatus(status.identity()).setMessage(message)
            .setSeverity(MINOR.VALUE).build()).build();
    }

    /** An {@code alarm} (MAJOR) or {@code event} (MINOR) about an interface. */
    static Notification<?> interfaceReport(final boolean alarm, final long iface, final IFACESTATUSTYPES status,
            final String message) {
        if (alarm) {
            return new AlarmBuilder().setInterface(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node
                .rev220130.alarm.InterfaceBuilder().setQkdiId(uint32(iface)).setQkdiStatus(status)
                .setMessage(message).setSeverity(MAJOR.VALUE).build()).build();
        }
        return new EventBuilder().setInterface(new org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node
            .rev220130.event.InterfaceBuilder().setQkdiId(uint32(iface)).setQkdiStatus(status).setMessage(message)
            .setSeverity(MINOR.VALUE).build()).build();
    }
}
