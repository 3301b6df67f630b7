package org.sdqkd.controller.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;
import org.sdqkd.testsupport.peers.NetconfTarget;
import org.sdqkd.testsupport.peers.NetconfdOptions;
import org.sdqkd.testsupport.peers.NetconfdPeer;

/**
 * Debian's netconfd mounted through {@link NetconfMounts}: its schema from its YANG library ({@code modules-state})
 * and get-schema, a read of {@code probe}, an edit it accepts, and one it refuses, whose error comes back with the
 * device's tag and the device left unchanged.
 */
@Tag("interop")
@Timeout(180)
class NetconfMountsNetconfdTest {
    private static final NodeId NODE = new NodeId("5f0e4c1a-0b6d-4e2f-8a3c-9d7e1f2a3b4c");

    @TempDir
    Path dir;

    @Test
    void readsEditsAndReportsTheRefusal() throws Exception {
        final MapNodeSessions sessions = new MapNodeSessions();
        try (NetconfdPeer peer = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.CANDIDATE).withProbeNodes(3));
                NetconfClient client = NetconfClient.create();
                NetconfMounts mounts = new NetconfMounts(sessions, dir.resolve("cache"))) {
            sessions.connect(NODE, client.connect(ConnectOptions.builder(peer.host(), peer.port(), peer.user())
                .password(peer.password().toCharArray()).hostKeys(HostKeyVerification.acceptAny()).build()).get());
            final MountedDevice device = mounts.mountAt(MountPaths.of(NODE));
            assertFalse(device.modelContext().findModules("probe-test").isEmpty());

            final NormalizedNode probe = device.read(new MountRead(ProbeData.probe(), MountRead.Content.CONFIG,
                Optional.empty())).orElseThrow();
            final MapNode nodes = (MapNode) ((DataContainerNode) probe).childByArg(new NodeIdentifier(ProbeData.NODE));
            assertEquals(3, nodes.size(), probe::toString);

            device.edit(List.of(new MountEdit(MountEdit.Operation.MERGE, ProbeData.node("added"),
                Optional.of(ProbeData.entry("added", 42, "through the mount")))));
            assertEquals(Optional.of(ProbeData.entry("added", 42, "through the mount")), device.read(new MountRead(
                ProbeData.node("added"), MountRead.Content.CONFIG, Optional.empty())));

            final MountException refused = assertThrows(MountException.class, () -> device.edit(List.of(
                new MountEdit(MountEdit.Operation.CREATE, ProbeData.node("added"),
                    Optional.of(ProbeData.entry("added", 7, "refused"))))));
            assertEquals(ErrorTag.DATA_EXISTS, refused.tag(), refused::getMessage);
            // netconfd's error-path, read in its models
            assertEquals(Optional.of(ProbeData.node("added")), refused.errorPath());
            assertEquals(Optional.of(ProbeData.entry("added", 42, "through the mount")), device.read(new MountRead(
                ProbeData.node("added"), MountRead.Content.CONFIG, Optional.empty())));
        }
    }
}
