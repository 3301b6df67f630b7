package org.sdqkd.qkd.node.impl.agent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterface;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PHYS;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.VIRT;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.QkdLink1;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.Emulation;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.End;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.end.Connect;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.end.Listen;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.rate.Source;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.rate.source.Trace;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.Qber;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;

/**
 * Reads running's {@code qkd_node}, decoded by the binding codec (so every value is already valid for its type),
 * into a {@link QkdNodeConfig}. The decoded objects are lazy and give the YANG default of an absent leaf (pitfall 8
 * of STACK.md): {@code qkdl_enable}, the emulation's {@code baseline-qber}, {@code qber-threshold},
 * {@code capacity}, {@code fault}, {@code loop} and the listen end's address and port come out with their defaults;
 * leaves without a default read as null and are optional here.
 */
final class ConfigReader {
    /** The listening end when the emulation names no channel (the YANG defaults of {@code listen}). */
    private static final LinkChannel.Listen DEFAULT_LISTEN = new LinkChannel.Listen("127.0.0.1", 0);

    private ConfigReader() {
        // static only
    }

    /** Reads the configuration; an absent {@code qkd_node} is an empty configuration. */
    static QkdNodeConfig read(final Optional<QkdNode> qkdNode) {
        if (qkdNode.isEmpty()) {
            return QkdNodeConfig.EMPTY;
        }
        final QkdNode node = qkdNode.orElseThrow();
        final List<QkdNodeConfig.App> apps = new ArrayList<>();
        if (node.getQkdApplications() != null) {
            node.getQkdApplications().nonnullQkdApp().values().forEach(app -> apps.add(app(app)));
        }
        final List<QkdNodeConfig.Interface> interfaces = new ArrayList<>();
        if (node.getQkdInterfaces() != null) {
            for (QkdInterface entry : node.getQkdInterfaces().nonnullQkdInterface().values()) {
                interfaces.add(new QkdNodeConfig.Interface(entry.getQkdiId().toJava(), entry));
            }
        }
        final List<QkdNodeConfig.Link> links = new ArrayList<>();
        if (node.getQkdLinks() != null) {
            node.getQkdLinks().nonnullQkdLink().values().forEach(link -> links.add(link(link)));
        }
        return new QkdNodeConfig(apps, interfaces, links);
    }

    private static QkdNodeConfig.App app(final QkdApp app) {
        return new QkdNodeConfig.App(uuid(app.getAppId()), Optional.ofNullable(app.getAppType()),
            Optional.ofNullable(app.getServerAppId()).map(Uri::getValue), uris(app.getClientAppId()),
            optionalLong(app.getAppPriority()),
            Optional.ofNullable(app.getExpirationTime()).map(t -> OffsetDateTime.parse(t.getValue()).toInstant()),
            Optional.ofNullable(app.getAppQos()), uuids(app.getBackingQkdlId()),
            Optional.ofNullable(app.getLocalQkdnId()).map(ConfigReader::uuid),
            Optional.ofNullable(app.getRemoteQkdnId()).map(ConfigReader::uuid));
    }

    private static QkdNodeConfig.Link link(final QkdLink link) {
        final QkdNodeConfig.LinkType type = link.getQkdlType() instanceof PHYS ? QkdNodeConfig.LinkType.PHYS
            : link.getQkdlType() instanceof VIRT ? QkdNodeConfig.LinkType.VIRT : QkdNodeConfig.LinkType.NONE;
        final QkdLink1 augment = link.augmentation(QkdLink1.class);
        return new QkdNodeConfig.Link(uuid(link.getQkdlId()), !Boolean.FALSE.equals(link.getQkdlEnable()), type,
            Optional.ofNullable(link.getQkdlLocal()).map(l -> l.getQkdnId()).map(ConfigReader::uuid),
            optionalLong(link.getQkdlLocal() == null ? null : link.getQkdlLocal().getQkdiId()),
            Optional.ofNullable(link.getQkdlRemote()).map(r -> r.getQkdnId()).map(ConfigReader::uuid),
            Optional.ofNullable(augment).map(QkdLink1::getEmulation).map(ConfigReader::emulation));
    }

    private static QkdNodeConfig.Emulation emulation(final Emulation emulation) {
        final End end = emulation.getChannel() == null ? null : emulation.getChannel().getEnd();
        final LinkChannel channel = switch (end) {
            case Connect connect -> new LinkChannel.Connect(connect.getConnect().getHost().stringValue(),
                connect.getConnect().getPort().getValue().toJava());
            case Listen listen when listen.getListen() != null -> new LinkChannel.Listen(
                listen.getListen().getAddress().stringValue(), listen.getListen().getPort().toJava());
            case null, default -> DEFAULT_LISTEN;
        };
        final Source source = emulation.getRate() == null ? null : emulation.getRate().getSource();
        final QkdNodeConfig.Rate rate = switch (source) {
            case Trace trace -> new QkdNodeConfig.Rate.TraceFile(trace.getFile(), trace.getLoop());
            case org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link
                .emulation.rate.source.Fixed fixed when fixed.getSkr() != null ->
                new QkdNodeConfig.Rate.Fixed(fixed.getSkr().getValue().longValue());
            case null, default -> new QkdNodeConfig.Rate.Fixed(0);
        };
        return new QkdNodeConfig.Emulation(channel, rate, ratio(emulation.getBaselineQber()),
            ratio(emulation.getQberThreshold()), emulation.getCapacity().intValue(), switch (emulation.getFault()) {
                case None -> LinkSpec.Fault.NONE;
                case LinkDown -> LinkSpec.Fault.LINK_DOWN;
                case SkrZero -> LinkSpec.Fault.SKR_ZERO;
            }, emulation.getInjectedQber() == null ? OptionalDouble.empty()
                : OptionalDouble.of(ratio(emulation.getInjectedQber())));
    }

    private static double ratio(final Qber qber) {
        return qber.getValue().doubleValue();
    }

    private static UUID uuid(final Uuid uuid) {
        return UUID.fromString(uuid.getValue());
    }

    private static List<UUID> uuids(final Collection<Uuid> values) {
        return values == null ? List.of() : values.stream().map(ConfigReader::uuid).toList();
    }

    private static List<String> uris(final Collection<Uri> values) {
        return values == null ? List.of() : values.stream().map(Uri::getValue).toList();
    }

    private static OptionalLong optionalLong(final Uint32 value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.toJava());
    }
}
