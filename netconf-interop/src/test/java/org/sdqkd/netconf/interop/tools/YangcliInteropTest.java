package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** yuma123's yangcli connects to the agent, loads its modules and reads configuration and state. */
@Tag("interop")
class YangcliInteropTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void yangcliReadsConfigurationAndState() throws Exception {
        try (AgentUnderTest agent = AgentUnderTest.start(dir.resolve("agent"))) {
            Yangcli.Result config = Yangcli.run(agent, "xget-config source=running /network", dir.resolve("c"),
                Duration.ofSeconds(60));
            assertTrue(config.succeeded(), config::output);
            Yangcli.Result state = Yangcli.run(agent, "xget /netconf-state/sessions", dir.resolve("s"),
                Duration.ofSeconds(60));
            assertTrue(state.succeeded(), state::output);
            assertTrue(state.output().contains("session-id"), state::output);
        }
    }
}
