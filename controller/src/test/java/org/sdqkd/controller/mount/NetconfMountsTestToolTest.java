package org.sdqkd.controller.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.testsupport.peers.OdlTestTool;
import org.sdqkd.testsupport.peers.OdlTestToolOptions;

/**
 * Ten of OpenDaylight's simulated devices mounted through {@link NetconfMounts}: their schema read from
 * {@code ietf-netconf-monitoring} and get-schema, resolved into one model context that all ten share, and an entry
 * configured and read back through each mount.
 */
@Tag("interop")
@Timeout(300)
class NetconfMountsTestToolTest {
    private static final int DEVICES = 10;
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void tenDevicesShareOneContextAndAreRead() throws Exception {
        final MapNodeSessions sessions = new MapNodeSessions();
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(DEVICES));
                NetconfClient client = NetconfClient.create(new ClientConfig(2, 2));
                NetconfMounts mounts = new NetconfMounts(sessions, dir.resolve("cache"), new MountSettings(STEP,
                    STEP, MountSettings.DEFAULT.maxSchemaBytes(), 8))) {
            final List<NetconfEndpoint> endpoints = tool.endpoints();
            // a freshly started simulator is slow to take its first connection
            connect(client, endpoints.getFirst(), 4).join().close();
            final List<CompletableFuture<NetconfSession>> opening = new ArrayList<>();
            for (NetconfEndpoint endpoint : endpoints) {
                opening.add(connect(client, endpoint, 4));
            }
            final List<NodeId> nodes = new ArrayList<>();
            for (CompletableFuture<NetconfSession> session : opening) {
                final NodeId node = new NodeId(UUID.randomUUID().toString());
                sessions.connect(node, session.join());
                nodes.add(node);
            }
            EffectiveModelContext shared = null;
            for (NodeId node : nodes) {
                final MountedDevice device = mounts.device(node);
                if (shared == null) {
                    shared = device.modelContext();
                }
                assertSame(shared, device.modelContext());
                assertEquals(Optional.of(java.util.Map.of()), mounts.unavailableModules(node));
            }
            // an entry configured through each mount (candidate, commit) and read back through it
            for (int i = 0; i < DEVICES; i++) {
                final MountedDevice device = mounts.device(nodes.get(i));
                final String name = "device-" + i;
                device.edit(List.of(new MountEdit(MountEdit.Operation.MERGE, ProbeData.node(name),
                    Optional.of(ProbeData.entry(name, i, "device " + i)))));
                assertEquals(Optional.of(ProbeData.entry(name, i, "device " + i)), device.read(new MountRead(
                    ProbeData.node(name), MountRead.Content.CONFIG, Optional.empty())));
            }
            assertEquals(1, mounts.modelContexts());
            assertFalse(shared.findModules("probe-test").isEmpty());
            assertFalse(shared.findModules("ietf-netconf-monitoring").isEmpty());
        }
    }

    private static CompletableFuture<NetconfSession> connect(final NetconfClient client,
            final NetconfEndpoint endpoint, final int attempts) {
        final ConnectOptions options = ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray()).hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(STEP).helloTimeout(STEP).rpcTimeout(STEP).build();
        return client.connect(options).exceptionallyCompose(failure -> {
            final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (attempts <= 1 || !(cause instanceof NetconfConnectException)) {
                return CompletableFuture.failedFuture(cause);
            }
            return connect(client, endpoint, attempts - 1);
        });
    }
}
