package org.sdqkd.netconf.interop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.server.testing.TestAgent;

/**
 * sdqkd's client against sdqkd's agent, every operation of {@link ClientChecks} in both framings: what the
 * controller does to its agents every day. The agent announces every capability the checks use, so only the base:1.1
 * features are skipped, and only in a base:1.0 session.
 */
@Tag("interop")
class ClientAgentInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.0"})
    @Timeout(120)
    void everyOperationPasses(final String framing) throws Exception {
        try (TestAgent agent = TestAgent.start(dir); NetconfClient client = NetconfClient.create()) {
            ConnectOptions.Builder options = ConnectOptions.builder("127.0.0.1", agent.port(), TestAgent.USER)
                .password(TestAgent.USER.toCharArray())
                .hostKeys(HostKeyVerification.acceptAny())
                .connectTimeout(Duration.ofSeconds(30)).helloTimeout(Duration.ofSeconds(30))
                .rpcTimeout(Duration.ofSeconds(30));
            if ("1.0".equals(framing)) {
                options.capabilities(Capabilities.BASE_1_0);
            }
            ClientChecks.Report report = new ClientChecks(client, options.build(), DataModel.SDQKD,
                ClientChecks.Settings.defaults()).run();
            System.out.println("client against the agent, base:" + framing + "\n" + report.describe());

            assertTrue(report.failures().isEmpty(), report::describe);
            assertEquals("1.1".equals(framing) ? List.of() : List.of("edit-remove",
                "persist-confirmed-from-other-session", "cancel-commit",
                "cancel-commit-persist-id-from-other-session"), report.skipped(), report::describe);
            assertEquals(ClientChecks.ALL.size() - report.skipped().size(), report.passed().size(), report::describe);
        }
    }
}
