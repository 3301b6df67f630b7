package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stream filter: XPath 1.0 over each notification's XML, module names as prefixes. */
final class NotificationFilterTest {
    private static final ModelCodecs CODECS = ModelCodecs.of(TestModels.CONTEXT);
    private static final NotificationWriter WRITER = new NotificationWriter(CODECS);

    private static NotificationFilter filter(final String text) throws RestconfException {
        return NotificationFilter.of(text, CODECS.context(), WRITER);
    }

    @Test
    void selectsByNameAndContent() throws RestconfException {
        final StreamEvent down = new StreamEvent(Instant.parse("2026-12-07T09:00:00Z"),
            StreamQueryTest.linkDown("power loss"));
        final StreamEvent iface = new StreamEvent(Instant.parse("2026-12-07T09:00:00Z"),
            StreamQueryTest.interfaceDown(4));
        final NotificationFilter byName = filter("/nc:notification/etsi-qkd-sdn-node:sdqkdn_link_down");
        assertTrue(byName.test(down));
        assertFalse(byName.test(iface));
        final NotificationFilter byReason = filter("//etsi-qkd-sdn-node:reason = 'power loss'");
        assertTrue(byReason.test(down));
        assertFalse(byReason.test(iface));
        assertTrue(filter("/nc:notification/nc:eventTime = '2026-12-07T09:00:00Z'").test(iface));
        assertTrue(filter("//etsi-qkd-sdn-node:qkdi_id > 3").test(iface));
        // relative paths start at the notification element
        assertTrue(filter("etsi-qkd-sdn-node:sdqkdn_interface_down/etsi-qkd-sdn-node:qkd_interface").test(iface));
        assertFalse(filter("etsi-qkd-sdn-node:sdqkdn_link_down").test(iface));
        assertFalse(filter("//etsi-qkd-sdn-node:qkdi_id > 4").test(iface));
    }

    @Test
    void refusesWhatIsNoExpressionOrHasAnUnknownPrefix() {
        assertThrows(RestconfException.class, () -> filter("/etsi-qkd-sdn-node:x["));
        assertThrows(RestconfException.class, () -> filter("/no-such-module:x"));
        assertThrows(RestconfException.class, () -> filter("no-such-function(1)"));
    }

    @Test
    void refusesExpressionsBeyondTheJdkSizeLimits() {
        // a stranger's expression cannot be made arbitrarily large: the JDK limits groups in one expression
        // (jdk.xml.xpathExprGrpLimit, 10 by default), and the refusal is a 400, not a failure of the stream
        final String nested = "(".repeat(200) + "1" + ")".repeat(200);
        assertThrows(RestconfException.class, () -> filter(nested));
        // and the operators (jdk.xml.xpathExprOpLimit, 100 by default)
        final String chained = "1" + " + 1".repeat(500);
        assertThrows(RestconfException.class, () -> filter(chained));
    }
}
