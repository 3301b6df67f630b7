package org.sdqkd.testsupport.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** netconfd behind its private sshd answers ncclient's hello and get-config, for both edit targets. */
class NetconfdPeerTest {

    private static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    private static final String STARTUP = "urn:ietf:params:netconf:capability:startup:1.0";
    private static final String PROBE_MODULE = "urn:example:probe-test?module=probe-test&revision=2024-01-01";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    @Test
    @Timeout(60)
    void candidatePeerServesItsStartupNodesToKeyAndPasswordLogins() {
        NetconfdOptions options = NetconfdOptions.of(NetconfTarget.CANDIDATE).withProbeNodes(3);
        List<ProcessHandle> processes;
        Path directory;
        try (NetconfdPeer peer = NetconfdPeer.start(options)) {
            processes = peer.processes();
            directory = peer.directory();
            NetconfEndpoint withKey = peer.endpoint();
            NetconfEndpoint withPassword = new NetconfEndpoint(peer.host(), peer.port(), peer.user(), peer.password(),
                Optional.empty());
            List<NcclientProbe.Answer> answers = NcclientProbe.helloAndGetConfig(List.of(withKey, withPassword),
                "running", PROBE_TIMEOUT);

            assertNotEquals(answers.get(0).sessionId(), answers.get(1).sessionId());
            for (NcclientProbe.Answer answer : answers) {
                assertTrue(answer.capabilities().contains(CANDIDATE), answer.capabilities()::toString);
                assertTrue(answer.capabilities().contains(PROBE_MODULE), answer.capabilities()::toString);
                assertFalse(answer.capabilities().contains(STARTUP), answer.capabilities()::toString);
                for (int i = 0; i < 3; i++) {
                    assertTrue(answer.getConfigReply().contains("<name>" + ProbeTestModule.nodeName(i) + "</name>"),
                        answer::getConfigReply);
                }
            }
        }
        assertCleanedUp(processes, directory);
    }

    @Test
    @Timeout(60)
    void runningPeerWithStartupCapabilityAnswersGetConfigOnStartup() {
        NetconfdOptions options = NetconfdOptions.of(NetconfTarget.RUNNING).withStartupCapability(true)
            .withProbeNodes(2);
        List<ProcessHandle> processes;
        Path directory;
        try (NetconfdPeer peer = NetconfdPeer.start(options)) {
            processes = peer.processes();
            directory = peer.directory();
            NcclientProbe.Answer answer = NcclientProbe.helloAndGetConfig(List.of(peer.endpoint()), "startup",
                PROBE_TIMEOUT).get(0);

            List<String> capabilities = answer.capabilities();
            assertTrue(capabilities.contains("urn:ietf:params:netconf:capability:writable-running:1.0"),
                capabilities::toString);
            assertFalse(capabilities.contains(CANDIDATE), capabilities::toString);
            assertTrue(capabilities.contains(STARTUP), capabilities::toString);
            assertTrue(answer.getConfigReply().contains("<name>" + ProbeTestModule.nodeName(1) + "</name>"),
                answer::getConfigReply);
        }
        assertCleanedUp(processes, directory);
    }

    @Test
    @Timeout(60)
    void peerWithoutStartupNodesHasNoProbeData() {
        try (NetconfdPeer peer = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.RUNNING))) {
            NcclientProbe.Answer answer = NcclientProbe.helloAndGetConfig(List.of(peer.endpoint()), "running",
                PROBE_TIMEOUT).get(0);

            assertTrue(answer.getConfigReply().contains("<data"), answer::getConfigReply);
            assertFalse(answer.getConfigReply().contains(ProbeTestModule.NAMESPACE), answer::getConfigReply);
        }
    }

    static void assertCleanedUp(final List<ProcessHandle> processes, final Path directory) {
        assertEquals(2, processes.size());
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), () -> "still running: " + process.info());
        }
        assertFalse(Files.exists(directory), () -> directory + " still exists");
    }
}
