package org.sdqkd.qkd.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node's RESTCONF settings: checked values and the port override. */
class NodeRestconfTest {
    @Test
    void refusesBadValuesWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeRestconf.plainHttp(" ", 8080, false, false))
            .getMessage().contains("blank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeRestconf.plainHttp("127.0.0.1", 65536,
            false, false)).getMessage().contains("65536"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeRestconf.plainHttp("127.0.0.1", -1, false,
            false)).getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", 8443, false,
            true, Optional.empty(), Map.of(), false, false)).getMessage().contains("beyond loopback needs plain"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", 8080, true,
            false, Optional.empty(), Map.of("orchestrator", "admin"), false, false)).getMessage()
            .contains("client certificates need HTTPS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", 8443, false,
            false, Optional.empty(), Map.of("orchestrator", "admin"), true, false)).getMessage()
            .contains("no login"));
    }

    @Test
    void movesToAnotherPortKeepingTheRest() {
        final NodeRestconf https = new NodeRestconf("127.0.0.2", 8443, false, false, Optional.empty(),
            Map.of("orchestrator", "admin"), false, true);
        assertEquals(new NodeRestconf("127.0.0.2", 0, false, false, Optional.empty(), Map.of("orchestrator", "admin"),
            false, true), https.withPort(0));
        assertEquals(NodeRestconf.plainHttp("127.0.0.2", 0, true, true),
            NodeRestconf.plainHttp("127.0.0.2", 8080, true, true).withPort(0));
    }
}
