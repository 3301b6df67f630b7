package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.interop.tools.AgentUnderTest;
import org.sdqkd.netconf.interop.tools.Ncclient;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkSpec;

/** ncclient (python3-ncclient, Debian's /usr/bin/python3) as the subscriber; fails when it is missing. */
class NcclientSubscriberTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void ncclientGetsTheNodeNotificationsAndAddsAnApplication() throws Exception {
        Ncclient.requireInstalled();
        final UUID app = UUID.randomUUID();
        try (AgentHarness node = AgentHarness.start(dir)) {
            node.edit(NodeAgentTest.INTERFACE + NodeAgentTest.physLink(NodeAgentTest.LINK,
                NodeAgentTest.LISTEN_FIXED));
            AgentHarness.await(() -> node.plane.link(NodeAgentTest.LINK).isPresent(), "the link at the plane");
            final AgentUnderTest server = new AgentUnderTest() {
                @Override
                public String host() {
                    return "127.0.0.1";
                }

                @Override
                public int port() {
                    return node.agent.port();
                }

                @Override
                public String user() {
                    return TestAgent.USER;
                }

                @Override
                public String password() {
                    return TestAgent.USER;
                }
            };
            final Ncclient.Summary summary = Ncclient.script("ncclient_node_agent.py", server,
                List.of(app.toString(), NodeAgentTest.LINK.toString()), dir, Duration.ofSeconds(90));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(List.of("subscribe", "edit-app", "application-new", "edit-fault", "link-down-and-alarm"),
                summary.passed(), summary::describe);
            assertTrue(node.plane.lastApps().stream().map(AppSpec::id).anyMatch(app::equals),
                "the application ncclient added reached the key plane");
            assertEquals(LinkSpec.Fault.LINK_DOWN, node.plane.link(NodeAgentTest.LINK).orElseThrow().fault());
        }
    }
}
