package org.sdqkd.qkd.node.impl.agent;

import static org.sdqkd.qkd.node.impl.agent.Xml.ETSI;
import static org.sdqkd.qkd.node.impl.agent.Xml.SDQKD_NODE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.impl.keys.LinkChannel;
import org.sdqkd.qkd.node.impl.keys.LinkSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the {@code qkd_node} element of running (as the datastore's codec writes it, so every value is already
 * valid for its type) into a {@link NodeConfig}.
 */
final class ConfigReader {
    /** Interface leaves whose values are identities. */
    private static final Set<String> IDENTITY_LEAVES = Set.of("qkdi_type", "qkdi_capabilities/role_support");

    private ConfigReader() {
        // static only
    }

    /** Reads the configuration; an absent element is an empty configuration. */
    static NodeConfig read(final Optional<Element> qkdNode) {
        if (qkdNode.isEmpty()) {
            return NodeConfig.EMPTY;
        }
        final Element node = qkdNode.orElseThrow();
        final List<NodeConfig.App> apps = new ArrayList<>();
        for (Element e : children(child(node, ETSI, "qkd_applications"), ETSI, "qkd_app")) {
            apps.add(app(e));
        }
        final List<NodeConfig.Interface> interfaces = new ArrayList<>();
        for (Element e : children(child(node, ETSI, "qkd_interfaces"), ETSI, "qkd_interface")) {
            final Map<String, String> leaves = new LinkedHashMap<>();
            leaves(e, "", leaves);
            interfaces.add(new NodeConfig.Interface(Long.parseLong(leaves.remove("qkdi_id")), leaves));
        }
        final List<NodeConfig.Link> links = new ArrayList<>();
        for (Element e : children(child(node, ETSI, "qkd_links"), ETSI, "qkd_link")) {
            links.add(link(e));
        }
        return new NodeConfig(apps, interfaces, links);
    }

    private static NodeConfig.App app(final Element e) {
        final Map<String, String> qos = new LinkedHashMap<>();
        child(e, ETSI, "app_qos").ifPresent(q -> leaves(q, "", qos));
        return new NodeConfig.App(UUID.fromString(text(e, ETSI, "app_id").orElseThrow()),
            text(e, ETSI, "app_type").map(ConfigReader::identityName), text(e, ETSI, "server_app_id"),
            texts(e, ETSI, "client_app_id"), optionalLong(text(e, ETSI, "app_priority")),
            text(e, ETSI, "expiration_time").map(t -> OffsetDateTime.parse(t).toInstant()), qos,
            texts(e, ETSI, "backing_qkdl_id").stream().map(UUID::fromString).toList(),
            text(e, ETSI, "local_qkdn_id").map(UUID::fromString),
            text(e, ETSI, "remote_qkdn_id").map(UUID::fromString));
    }

    private static NodeConfig.Link link(final Element e) {
        final Optional<Element> local = child(e, ETSI, "qkdl_local");
        final NodeConfig.LinkType type = text(e, ETSI, "qkdl_type").map(ConfigReader::identityName)
            .map(t -> switch (t) {
                case "PHYS" -> NodeConfig.LinkType.PHYS;
                case "VIRT" -> NodeConfig.LinkType.VIRT;
                default -> NodeConfig.LinkType.NONE;
            }).orElse(NodeConfig.LinkType.NONE);
        return new NodeConfig.Link(UUID.fromString(text(e, ETSI, "qkdl_id").orElseThrow()),
            text(e, ETSI, "qkdl_enable").map(Boolean::parseBoolean).orElse(true), type,
            local.flatMap(l -> text(l, ETSI, "qkdn_id")).map(UUID::fromString),
            optionalLong(local.flatMap(l -> text(l, ETSI, "qkdi_id"))),
            child(e, ETSI, "qkdl_remote").flatMap(r -> text(r, ETSI, "qkdn_id")).map(UUID::fromString),
            child(e, SDQKD_NODE, "emulation").map(ConfigReader::emulation));
    }

    private static NodeConfig.Emulation emulation(final Element e) {
        final Optional<Element> channel = child(e, SDQKD_NODE, "channel");
        final Optional<Element> connect = channel.flatMap(c -> child(c, SDQKD_NODE, "connect"));
        final LinkChannel link;
        if (connect.isPresent()) {
            link = new LinkChannel.Connect(text(connect.orElseThrow(), SDQKD_NODE, "host").orElseThrow(),
                Integer.parseInt(text(connect.orElseThrow(), SDQKD_NODE, "port").orElseThrow()));
        } else {
            final Optional<Element> listen = channel.flatMap(c -> child(c, SDQKD_NODE, "listen"));
            link = new LinkChannel.Listen(listen.flatMap(l -> text(l, SDQKD_NODE, "address")).orElse("127.0.0.1"),
                listen.flatMap(l -> text(l, SDQKD_NODE, "port")).map(Integer::parseInt).orElse(0));
        }
        final Optional<Element> rate = child(e, SDQKD_NODE, "rate");
        final Optional<String> file = rate.flatMap(r -> text(r, SDQKD_NODE, "file"));
        final NodeConfig.Rate source = file.isPresent()
            ? new NodeConfig.Rate.TraceFile(file.orElseThrow(),
                rate.flatMap(r -> text(r, SDQKD_NODE, "loop")).map(Boolean::parseBoolean).orElse(true))
            : new NodeConfig.Rate.Fixed(rate.flatMap(r -> text(r, SDQKD_NODE, "skr")).map(Long::parseLong)
                .orElse(0L));
        final Optional<String> injected = text(e, SDQKD_NODE, "injected-qber");
        return new NodeConfig.Emulation(link, source,
            text(e, SDQKD_NODE, "baseline-qber").map(Double::parseDouble).orElse(0.02),
            text(e, SDQKD_NODE, "qber-threshold").map(Double::parseDouble).orElse(0.11),
            text(e, SDQKD_NODE, "capacity").map(Integer::parseInt).orElse(100_000),
            text(e, SDQKD_NODE, "fault").map(f -> LinkSpec.Fault.valueOf(f.toUpperCase(Locale.ROOT).replace('-', '_')))
                .orElse(LinkSpec.Fault.NONE),
            injected.isPresent() ? OptionalDouble.of(Double.parseDouble(injected.orElseThrow()))
                : OptionalDouble.empty());
    }

    /** The name of an identity written as {@code prefix:name}. */
    static String identityName(final String value) {
        final String trimmed = value.strip();
        return trimmed.substring(trimmed.indexOf(':') + 1);
    }

    private static void leaves(final Element e, final String prefix, final Map<String, String> into) {
        for (Element c : elements(e)) {
            final String path = prefix + c.getLocalName();
            if (elements(c).isEmpty()) {
                final String value = c.getTextContent().strip();
                into.put(path, IDENTITY_LEAVES.contains(path) ? identityName(value) : value);
            } else {
                leaves(c, path + "/", into);
            }
        }
    }

    private static OptionalLong optionalLong(final Optional<String> text) {
        return text.isPresent() ? OptionalLong.of(Long.parseLong(text.orElseThrow())) : OptionalLong.empty();
    }

    private static List<Element> elements(final Element parent) {
        final List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                out.add(element);
            }
        }
        return out;
    }

    private static List<Element> children(final Optional<Element> parent, final String ns, final String name) {
        return parent.map(p -> elements(p).stream()
            .filter(c -> ns.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())).toList()).orElse(List.of());
    }

    /** The first child element of that name. */
    static Optional<Element> child(final Element parent, final String ns, final String name) {
        return children(Optional.of(parent), ns, name).stream().findFirst();
    }

    private static Optional<String> text(final Element parent, final String ns, final String name) {
        return child(parent, ns, name).map(c -> c.getTextContent().strip());
    }

    private static List<String> texts(final Element parent, final String ns, final String name) {
        return children(Optional.of(parent), ns, name).stream().map(c -> c.getTextContent().strip()).toList();
    }
}
