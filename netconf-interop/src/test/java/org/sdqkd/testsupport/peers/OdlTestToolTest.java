package org.sdqkd.testsupport.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** OpenDaylight's device simulator: every device answers ncclient's hello and get-config. */
class OdlTestToolTest {

    private static final String BASE_11 = "urn:ietf:params:netconf:base:1.1";
    private static final String PROBE_MODULE = "urn:example:probe-test?module=probe-test&revision=2024-01-01";

    @Test
    @Timeout(120)
    void tenDevicesEachAnswerHelloAndGetConfig() {
        ProcessHandle process;
        Path directory;
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(10))) {
            process = tool.process();
            directory = tool.directory();
            List<NetconfEndpoint> endpoints = tool.endpoints();
            assertEquals(10, endpoints.size());
            Set<Integer> ports = new HashSet<>(tool.ports());
            assertEquals(10, ports.size());

            List<NcclientProbe.Answer> answers = NcclientProbe.helloAndGetConfig(endpoints, "running",
                Duration.ofSeconds(60));

            assertEquals(10, answers.size());
            for (NcclientProbe.Answer answer : answers) {
                assertTrue(answer.capabilities().contains(BASE_11), answer.capabilities()::toString);
                assertTrue(answer.capabilities().contains(PROBE_MODULE), answer.capabilities()::toString);
                assertTrue(answer.getConfigReply().contains("<data"), answer::getConfigReply);
            }
        }
        assertFalse(process.isAlive(), "the simulator is still running");
        assertFalse(Files.exists(directory), () -> directory + " still exists");
    }

    @Test
    @Timeout(120)
    void simulatedDatastoreServesItsInitialConfig() {
        OdlTestToolOptions options = OdlTestToolOptions.of(1).withMdSal(false)
            .withInitialConfig(ProbeTestModule.config(3));
        try (OdlTestTool tool = OdlTestTool.start(options)) {
            NcclientProbe.Answer answer = NcclientProbe.helloAndGetConfig(tool.endpoints(), "running",
                Duration.ofSeconds(60)).get(0);

            for (int i = 0; i < 3; i++) {
                assertTrue(answer.getConfigReply().contains("<name>" + ProbeTestModule.nodeName(i) + "</name>"),
                    answer::getConfigReply);
            }
        }
    }
}
