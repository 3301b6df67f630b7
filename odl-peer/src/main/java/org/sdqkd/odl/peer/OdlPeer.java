package org.sdqkd.odl.peer;

import com.typesafe.config.ConfigFactory;
import io.lighty.core.controller.api.LightyController;
import io.lighty.core.controller.api.LightyModule;
import io.lighty.core.controller.impl.LightyControllerBuilder;
import io.lighty.core.controller.impl.config.ConfigurationException;
import io.lighty.core.controller.impl.config.ControllerConfiguration;
import io.lighty.core.controller.impl.util.ControllerConfigUtils;
import io.lighty.modules.northbound.restconf.community.impl.CommunityRestConf;
import io.lighty.modules.northbound.restconf.community.impl.CommunityRestConfBuilder;
import io.lighty.modules.northbound.restconf.community.impl.config.RestConfConfiguration;
import io.lighty.modules.northbound.restconf.community.impl.util.RestConfConfigUtils;
import io.lighty.modules.southbound.netconf.impl.NetconfTopologyPluginBuilder;
import io.lighty.modules.southbound.netconf.impl.config.NetconfConfiguration;
import io.lighty.modules.southbound.netconf.impl.util.NetconfConfigUtils;
import io.lighty.server.LightyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenDaylight's controller core, its NETCONF connector (the {@code topology-netconf} topology, whose nodes are
 * mounted devices) and its RESTCONF server (RFC 8040, at {@code /rests}), started from lighty.io's modules as their
 * RESTCONF-NETCONF application does, on loopback only and without authentication. It runs until it is killed.
 *
 * <p>Arguments: {@code RESTCONF_PORT CLUSTER_PORT}, the HTTP port of RESTCONF and the port of the controller's
 * single-member cluster (both on 127.0.0.1). Relative paths (the datastore's journal and snapshots) are under the
 * working directory.
 */
public final class OdlPeer {
    private static final Logger LOG = LoggerFactory.getLogger(OdlPeer.class);
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Deque<LightyModule> started = new ArrayDeque<>();

    private OdlPeer() {
    }

    /**
     * Starts the controller, then RESTCONF and the NETCONF connector, and logs {@code OpenDaylight peer ready} with
     * the RESTCONF port once RESTCONF answers.
     *
     * @param args the RESTCONF port and the cluster port
     */
    public static void main(final String[] args) throws ConfigurationException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OdlPeer RESTCONF_PORT CLUSTER_PORT");
        }
        final int restconfPort = Integer.parseInt(args[0]);
        final int clusterPort = Integer.parseInt(args[1]);
        final long start = System.nanoTime();
        final OdlPeer peer = new OdlPeer();
        Runtime.getRuntime().addShutdownHook(new Thread(peer::stop, "odl-peer-stop"));
        peer.start(restconfPort, clusterPort);
        LOG.info("OpenDaylight peer ready: RESTCONF on 127.0.0.1:{} after {} ms", restconfPort,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private void start(final int restconfPort, final int clusterPort) throws ConfigurationException,
            InterruptedException {
        final Set<YangModuleInfo> models = new HashSet<>(RestConfConfigUtils.YANG_MODELS);
        models.addAll(NetconfConfigUtils.NETCONF_TOPOLOGY_MODELS);
        final ControllerConfiguration config = ControllerConfigUtils.getDefaultSingleNodeConfiguration(models);
        final String self = "akka://opendaylight-cluster-data@127.0.0.1:" + clusterPort;
        config.getActorSystemConfig().setConfig(ConfigFactory.parseMap(Map.of(
                "akka.remote.artery.canonical.hostname", "127.0.0.1",
                "akka.remote.artery.canonical.port", clusterPort,
                "akka.cluster.seed-nodes", List.of(self)))
            .withFallback(config.getActorSystemConfig().getConfig()));
        final LightyController controller = new LightyControllerBuilder().from(config).build();
        startModule(controller);

        final InetAddress loopback = InetAddress.getLoopbackAddress();
        final RestConfConfiguration restconfConfig = RestConfConfigUtils.getRestConfConfiguration(
            RestConfConfigUtils.getDefaultRestConfConfiguration(), controller.getServices());
        restconfConfig.setInetAddress(loopback);
        restconfConfig.setHttpPort(restconfPort);
        final CommunityRestConf restconf = CommunityRestConfBuilder.from(restconfConfig)
            .withLightyServer(new LightyServerBuilder(new InetSocketAddress(loopback, restconfPort)))
            .build();
        startModule(restconf);

        final NetconfConfiguration netconfConfig = NetconfConfigUtils.injectServicesToTopologyConfig(
            NetconfConfigUtils.createDefaultNetconfConfiguration(), controller.getServices());
        startModule(NetconfTopologyPluginBuilder.from(netconfConfig, controller.getServices()).build());
        restconf.startServer();
    }

    private void startModule(final LightyModule module) throws InterruptedException {
        final boolean ok;
        try {
            ok = module.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(module.getClass().getSimpleName() + " did not start", e);
        }
        if (!ok) {
            throw new IllegalStateException(module.getClass().getSimpleName() + " did not start");
        }
        started.push(module);
        LOG.info("{} started", module.getClass().getSimpleName());
    }

    private void stop() {
        while (!started.isEmpty()) {
            final LightyModule module = started.pop();
            if (!module.shutdown(30, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop in time", module.getClass().getSimpleName());
            }
        }
    }
}
