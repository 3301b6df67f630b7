package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.testsupport.peers.NetconfEndpoint;

/**
 * RFC 8341 on the agent, through python3-ncclient: with the example roles, the NOC user is refused edit-config with
 * access-denied and its get omits the proof-of-transit secrets and the access control configuration; the admin
 * sees both.
 */
@Tag("interop")
class NcclientNacmInteropTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("sdqkd.examples.dir"));

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void nocIsRefusedEditConfigAndSeesNoSecrets() throws Exception {
        final List<String> documents = List.of(
            Files.readString(EXAMPLES.resolve("../../../../../features/src/main/config/nacm-roles.xml").normalize()),
            Files.readString(EXAMPLES.resolve("valid/pot-profile.xml")));
        try (TestAgent agent = TestAgent.startWithNacm(dir.resolve("agent"), documents)) {
            // the agent is closed by its own try; the NOC user of the example roles logs in with its password
            final AgentUnderTest noc = AgentUnderTest.at(new NetconfEndpoint("127.0.0.1", agent.port(), "noc", "noc",
                Optional.empty()));
            final Ncclient.Summary summary = Ncclient.script("ncclient_nacm.py", noc,
                List.of(TestAgent.USER, TestAgent.USER), Files.createDirectories(dir.resolve("ncclient")),
                Duration.ofSeconds(90));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(0, summary.run().exitCode(), summary::describe);
            assertEquals(8, summary.passed().size(), summary::describe);
        }
    }
}
