package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH's {@code ssh -s netconf} exchanges hellos and an RPC with the agent in base:1.0 framing. */
@Tag("interop")
class OpenSshNetconfInteropTest {

    /** A get-config of running. */
    static final String GET_CONFIG = "<rpc message-id=\"101\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
        + "<get-config><source><running/></source></get-config></rpc>";

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void helloAndRpcOverOpenSsh() throws Exception {
        try (AgentUnderTest agent = AgentUnderTest.start(dir.resolve("agent"))) {
            OpenSshNetconf.Exchange exchange = OpenSshNetconf.exchange(agent, List.of(GET_CONFIG), dir,
                Duration.ofSeconds(45));
            assertHelloAndReplies(exchange);
        }
    }

    static void assertHelloAndReplies(final OpenSshNetconf.Exchange exchange) {
        String hello = exchange.serverHello();
        assertTrue(hello.contains("<capability>urn:ietf:params:netconf:base:1.0</capability>"), hello);
        assertTrue(hello.contains("<capability>urn:ietf:params:netconf:base:1.1</capability>"), hello);
        assertTrue(hello.contains("session-id>"), hello);
        assertEquals(2, exchange.replies().size(), exchange.replies()::toString);
        String reply = exchange.replies().get(0);
        assertTrue(reply.contains("message-id=\"101\"") && reply.contains("<data"), reply);
        assertTrue(exchange.replies().get(1).contains("<ok/>"), exchange.replies().get(1));
        assertEquals(0, exchange.exitCode(), exchange.log());
    }
}
