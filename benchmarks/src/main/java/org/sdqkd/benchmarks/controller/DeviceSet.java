package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.testsupport.peers.OdlTestTool;
import org.sdqkd.testsupport.peers.OdlTestToolOptions;
import org.sdqkd.testsupport.peers.ProbeTestModule;

/**
 * OpenDaylight's simulated devices (netconf-testtool) that both controllers mount: a simulated store whose
 * configuration holds one {@code probe-test:probe} entry, so that a read through a mount returns data.
 */
final class DeviceSet implements AutoCloseable {
    /** The probe's data: one list entry. */
    private static final String CONFIG = "<config xmlns=\"" + ProbeTestModule.NETCONF_BASE + "\"><probe xmlns=\""
        + ProbeTestModule.NAMESPACE + "\"><node><name>n1</name><value>1</value><description>probe</description></node>"
        + "</probe></config>\n";
    private static final Duration CONNECT = Duration.ofSeconds(60);

    private final OdlTestTool tool;
    private final List<Device> devices;

    private DeviceSet(final OdlTestTool tool, final List<Device> devices) {
        this.tool = tool;
        this.devices = devices;
    }

    /**
     * Starts the simulator and reads its host key, which every device of one simulator shares.
     *
     * @param count how many devices
     * @return the devices
     * @throws IOException when the first device cannot be reached
     */
    static DeviceSet start(final int count) throws IOException {
        final OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(count).withMdSal(false)
            .withInitialConfig(CONFIG));
        try {
            final List<NetconfEndpoint> endpoints = tool.endpoints();
            final String hostKey = hostKey(endpoints.get(0));
            final List<Device> devices = new ArrayList<>();
            for (NetconfEndpoint endpoint : endpoints) {
                devices.add(new Device(UUID.randomUUID().toString(), endpoint, hostKey));
            }
            return new DeviceSet(tool, List.copyOf(devices));
        } catch (IOException | RuntimeException e) {
            tool.close();
            throw e;
        }
    }

    /** The devices. */
    List<Device> devices() {
        return devices;
    }

    private static String hostKey(final NetconfEndpoint endpoint) throws IOException {
        final AtomicReference<String> fingerprint = new AtomicReference<>();
        final ConnectOptions options = ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray())
            .hostKeys(new HostKeyVerification.Checked((remote, key) -> {
                fingerprint.set(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key));
                return true;
            }))
            .connectTimeout(CONNECT).helloTimeout(CONNECT).rpcTimeout(CONNECT).build();
        try (NetconfClient client = NetconfClient.create(new ClientConfig(1, 1))) {
            client.connect(options).get(CONNECT.toSeconds(), TimeUnit.SECONDS).close();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the host key of the simulated device " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return fingerprint.get();
    }

    @Override
    public void close() {
        tool.close();
    }
}
