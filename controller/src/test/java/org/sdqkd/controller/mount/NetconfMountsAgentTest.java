package org.sdqkd.controller.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * Our own node agent mounted through {@link NetconfMounts}: its {@code qkd_node} read, an application configured and
 * removed through the mount (the data built with the generated bindings and the binding codec), an edit the node
 * refuses, and two sessions with the same models sharing one model context.
 */
@Timeout(180)
class NetconfMountsAgentTest {
    private static final UUID NEW_APP = UUID.fromString("0b7ad1e3-51b7-4a3f-9f0e-7c4d6c1e2a90");
    private static final DataObjectIdentifier<QkdNode> QKD_NODE = DataObjectIdentifier.builder(QkdNode.class).build();
    private static BindingNormalizedNodeSerializer codec;

    @TempDir
    Path dir;

    @BeforeAll
    static void codec() {
        codec = java.util.ServiceLoader.load(BindingDataCodecFactory.class).findFirst().orElseThrow()
            .newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext(QkdNode.class)).nodeSerializer();
    }

    @Test
    void readsConfiguresAndSharesTheContext() throws Exception {
        final MapNodeSessions sessions = new MapNodeSessions();
        final NodeId almagro = new NodeId(AgentNode.NODE.toString());
        final NodeId again = new NodeId("6a1f0d2e-8c4b-4f7e-9d3a-2b5c7e9f1a04");
        try (AgentNode agent = AgentNode.start(dir.resolve("node"));
                NetconfClient client = NetconfClient.create();
                NetconfMounts mounts = new NetconfMounts(sessions, dir.resolve("cache"))) {
            sessions.connect(almagro, agent.connect(client));
            sessions.connect(again, agent.connect(client));
            final MountedDevice device = mounts.mountAt(MountPaths.of(almagro));
            final MountedDevice other = mounts.mountAt(MountPaths.of(again));
            assertSame(device.modelContext(), other.modelContext());
            assertEquals(1, mounts.modelContexts());
            assertEquals(Optional.of(java.util.Map.of()), mounts.unavailableModules(almagro));
            assertTrue(Files.list(dir.resolve("cache")).anyMatch(file -> file.getFileName().toString()
                .startsWith("etsi-qkd-sdn-node@")), "the node's module is cached");

            final YangInstanceIdentifier nodePath = codec.toYangInstanceIdentifier(QKD_NODE);
            final QkdNode config = decode(nodePath, device.read(new MountRead(nodePath, MountRead.Content.CONFIG,
                Optional.empty())).orElseThrow(), QkdNode.class);
            assertEquals(AgentNode.NODE.toString(), config.getQkdnId().getValue());
            assertTrue(config.nonnullQkdApplications().nonnullQkdApp().containsKey(new QkdAppKey(
                new Uuid(AgentNode.APP.toString()))), config::toString);

            final DataObjectIdentifier<QkdApp> appPath = DataObjectIdentifier.builder(QkdNode.class)
                .child(QkdApplications.class).child(QkdApp.class, new QkdAppKey(new Uuid(NEW_APP.toString())))
                .build();
            final QkdApp app = new QkdAppBuilder().setAppId(new Uuid(NEW_APP.toString()))
                .setAppPriority(Uint32.valueOf(2)).setServerAppId(new Uri("sae-almagro-2"))
                .setClientAppId(Set.of(new Uri("sae-norte-2"))).build();
            final var normalized = codec.toNormalizedDataObject(appPath, app);
            device.edit(List.of(new MountEdit(MountEdit.Operation.MERGE, normalized.path(),
                Optional.of(normalized.node()))));

            // read back on the other session: running holds the application
            final QkdApp stored = decode(normalized.path(), other.read(new MountRead(normalized.path(),
                MountRead.Content.CONFIG, Optional.empty())).orElseThrow(), QkdApp.class);
            assertEquals(Uint32.valueOf(2), stored.getAppPriority());
            assertEquals(Set.of(new Uri("sae-norte-2")), stored.getClientAppId());

            // a create of what exists is refused with the node's error, and nothing changes
            final QkdApp changed = new QkdAppBuilder(app).setAppPriority(Uint32.valueOf(9)).build();
            final var again2 = codec.toNormalizedDataObject(appPath, changed);
            final MountException refused = assertThrows(MountException.class, () -> device.edit(List.of(
                new MountEdit(MountEdit.Operation.CREATE, again2.path(), Optional.of(again2.node())))));
            assertEquals(ErrorTag.DATA_EXISTS, refused.tag(), refused::getMessage);
            assertEquals(Uint32.valueOf(2), decode(normalized.path(), other.read(new MountRead(normalized.path(),
                MountRead.Content.CONFIG, Optional.empty())).orElseThrow(), QkdApp.class).getAppPriority());

            // the lock was released: a delete goes through, and the application is gone
            device.edit(List.of(new MountEdit(MountEdit.Operation.DELETE, normalized.path(), Optional.empty())));
            assertEquals(Optional.empty(), other.read(new MountRead(normalized.path(), MountRead.Content.CONFIG,
                Optional.empty())));

            // a leaf read through the mount: its list entry is filtered, the leaf taken from it
            final YangInstanceIdentifier idLeaf = YangInstanceIdentifier.builder(nodePath)
                .node(org.opendaylight.yangtools.yang.common.QName.create(QkdNode.QNAME, "qkdn_id")).build();
            assertEquals(AgentNode.NODE.toString(), device.read(new MountRead(idLeaf, MountRead.Content.ALL,
                Optional.empty())).orElseThrow().body().toString());
        }
    }

    @Test
    void unknownNodesAndBadPathsAreClearErrors() throws Exception {
        final MapNodeSessions sessions = new MapNodeSessions();
        try (NetconfMounts mounts = new NetconfMounts(sessions, dir.resolve("cache"))) {
            final MountException unknown = assertThrows(MountException.class,
                () -> mounts.mountAt(MountPaths.of(new NodeId("00000000-0000-4000-8000-000000000001"))));
            assertEquals(ErrorTag.RESOURCE_DENIED, unknown.tag());
            assertTrue(unknown.getMessage().contains("node 00000000-0000-4000-8000-000000000001 is not connected"),
                unknown::getMessage);
            final MountException bad = assertThrows(MountException.class,
                () -> mounts.mountAt(codec.toYangInstanceIdentifier(QKD_NODE)));
            assertEquals(ErrorTag.DATA_MISSING, bad.tag());
            assertTrue(bad.getMessage().contains("mounts are at sdqkd-network:network/node=ID"), bad::getMessage);
        }
    }

    private static <T> T decode(final YangInstanceIdentifier path, final NormalizedNode node, final Class<T> type) {
        return type.cast(codec.fromNormalizedNode(path, node).getValue());
    }
}
