package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void comparesCapabilitiesWithoutTheirParameters() {
        assertTrue(Capabilities.same(URI.create("urn:ietf:params:netconf:capability:with-defaults:1.0"
            + "?basic-mode=trim"), Capabilities.WITH_DEFAULTS));
        assertFalse(Capabilities.same(Capabilities.BASE_1_0, Capabilities.BASE_1_1));
    }

    @Test
    void namesTheStandardCapabilitiesAsTheRfcsDo() {
        assertEquals("urn:ietf:params:netconf:capability:confirmed-commit:1.1",
            Capabilities.CONFIRMED_COMMIT_1_1.toString());
        assertEquals("urn:ietf:params:netconf:capability:validate:1.1", Capabilities.VALIDATE_1_1.toString());
        assertEquals("urn:ietf:params:netconf:capability:interleave:1.0", Capabilities.INTERLEAVE.toString());
        assertEquals("urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit",
            Capabilities.withDefaults("explicit", "").toString());
    }
}
