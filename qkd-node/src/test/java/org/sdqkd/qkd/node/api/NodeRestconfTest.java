package org.sdqkd.qkd.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The node's RESTCONF settings: checked values and the port override. */
class NodeRestconfTest {
    @Test
    void refusesBadValuesWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf(" ", 8080, true, false))
            .getMessage().contains("blank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", 65536, true,
            false)).getMessage().contains("65536"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", -1, true,
            false)).getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NodeRestconf("127.0.0.1", 8080, false,
            false)).getMessage().contains("plain-http: true"));
    }

    @Test
    void movesToAnotherPortKeepingTheRest() {
        assertEquals(new NodeRestconf("127.0.0.2", 0, true, true),
            new NodeRestconf("127.0.0.2", 8080, true, true).withPort(0));
    }
}
