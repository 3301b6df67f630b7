package org.sdqkd.restconf.gateway.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The mounted device's test model {@code mount-test} (src/test/resources/mount): parsed on its own, so it shares no
 * module with the gateway's models; its QNames and data built as NormalizedNodes.
 */
final class MountTestModel {
    /** The module. */
    static final QNameModule MODULE = QNameModule.of(XMLNamespace.of("urn:sdqkd:test:mount"),
        Revision.of("2026-12-07"));
    /** Its name, the prefix of API paths. */
    static final String NAME = "mount-test";
    /** The container {@code system}. */
    static final QName SYSTEM = qname("system");
    /** The list {@code system/interface}. */
    static final QName INTERFACE = qname("interface");
    /** The key of {@code interface}. */
    static final QName IF_NAME = qname("name");
    /** The RPC {@code ping}. */
    static final QName PING = qname("ping");
    /** The action {@code interface/reset}. */
    static final QName RESET = qname("reset");
    /** The models, one shared context. */
    static final EffectiveModelContext CONTEXT = parse();

    private MountTestModel() {
        // no instances
    }

    static QName qname(final String localName) {
        return QName.create(MODULE, localName);
    }

    /** A freshly parsed context of the same models (another instance, equal in content). */
    static EffectiveModelContext parse() {
        return BindingRuntimeHelpers.createEffectiveModel(List.of(new YangModuleInfo() {
            @Override
            public QName getName() {
                return QName.create(MODULE, NAME);
            }

            @Override
            public InputStream openYangTextStream() throws IOException {
                final InputStream in = MountTestModel.class.getResourceAsStream("/mount/mount-test@2026-12-07.yang");
                if (in == null) {
                    throw new IOException("the mount test model is not on the class path");
                }
                return in;
            }
        }));
    }

    /** {@code /system}. */
    static YangInstanceIdentifier systemPath() {
        return YangInstanceIdentifier.of(new NodeIdentifier(SYSTEM));
    }

    /** {@code /system/interface[name]}. */
    static YangInstanceIdentifier interfacePath(final String name) {
        return YangInstanceIdentifier.of(new NodeIdentifier(SYSTEM), new NodeIdentifier(INTERFACE),
            NodeIdentifierWithPredicates.of(INTERFACE, IF_NAME, name));
    }

    /** {@code system} with a host name (none if null) and interfaces. */
    static ContainerNode system(final String hostname, final MapEntryNode... interfaces) {
        final var list = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(INTERFACE));
        for (MapEntryNode entry : interfaces) {
            list.withChild(entry);
        }
        final DataContainerNodeBuilder<NodeIdentifier, ContainerNode> builder = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(SYSTEM));
        if (hostname != null) {
            builder.withChild(ImmutableNodes.leafNode(qname("hostname"), hostname));
        }
        if (interfaces.length > 0) {
            builder.withChild(list.build());
        }
        return builder.build();
    }

    /** An interface's configuration: its name and whether it is enabled. */
    static MapEntryNode iface(final String name, final boolean enabled) {
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(NodeIdentifierWithPredicates.of(INTERFACE,
                IF_NAME, name))
            .withChild(ImmutableNodes.leafNode(IF_NAME, name))
            .withChild(ImmutableNodes.leafNode(qname("kind"), qname("optical")))
            .withChild(ImmutableNodes.leafNode(qname("enabled"), enabled)).build();
    }

    /** An interface's state: its speed. */
    static MapEntryNode ifaceState(final String name, final long speed) {
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(NodeIdentifierWithPredicates.of(INTERFACE,
                IF_NAME, name))
            .withChild(ImmutableNodes.leafNode(IF_NAME, name))
            .withChild(ImmutableNodes.leafNode(qname("speed"), Uint32.valueOf(speed))).build();
    }
}
