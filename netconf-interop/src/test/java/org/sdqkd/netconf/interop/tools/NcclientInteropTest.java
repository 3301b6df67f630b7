package org.sdqkd.netconf.interop.tools;

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

/** python3-ncclient runs ncclient_session.py (every operation and capability) against the agent, in both framings. */
@Tag("interop")
class NcclientInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.0"})
    @Timeout(240)
    void everyOperationPasses(final String framing) throws Exception {
        try (AgentUnderTest agent = AgentUnderTest.start(dir.resolve("agent"))) {
            Ncclient.Summary summary = Ncclient.session(agent, dir.resolve("ncclient"), framing,
                List.of("--model", "sdqkd"), Duration.ofSeconds(200));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(0, summary.run().exitCode(), summary::describe);
            // only the base:1.1 operations are skipped, and only in a base:1.0 session
            List<String> skipped = summary.checks().stream().filter(c -> "skip".equals(c.status()))
                .map(Ncclient.Check::name).toList();
            assertEquals("1.1".equals(framing) ? List.of() : List.of("edit-remove",
                "persist-confirmed-from-other-session", "cancel-commit",
                "cancel-commit-persist-id-from-other-session"), skipped, summary::describe);
            assertTrue(summary.check("datastore-restored").orElseThrow().passed(), summary::describe);
        }
    }
}
