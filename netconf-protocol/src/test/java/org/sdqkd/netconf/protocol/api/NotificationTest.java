package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.netconf.protocol.MessageCodec;

class NotificationTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);
    private static final String NS = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    @Test
    void decodesWhatRfc5277Shows() throws MessageException {
        final Notification notification = assertInstanceOf(Notification.class, CODEC.decode(utf8(
            "<notification xmlns='" + NS + "'><eventTime>2026-11-22T04:12:49.5+01:00</eventTime>"
                + "<link-down xmlns='urn:example:qkd'><link-id>l1</link-id></link-down></notification>")));
        assertEquals(OffsetDateTime.parse("2026-11-22T04:12:49.5+01:00"), notification.eventTime());
        assertEquals("link-down", notification.event().localName());
        assertEquals("urn:example:qkd", notification.event().namespace());
    }

    @Test
    void roundTrips() throws MessageException {
        final Notification sent = assertInstanceOf(Notification.class, CODEC.decode(utf8(
            "<notification xmlns='" + NS + "'><eventTime>2026-11-22T04:12:49Z</eventTime>"
                + "<a:event xmlns:a='urn:example:a'><a:x>1</a:x></a:event></notification>")));
        assertEquals(sent, CODEC.decode(CODEC.encode(sent)));
    }

    @Test
    void refusesANotificationWithoutEventTimeOrEvent() {
        assertEquals(ErrorTag.MISSING_ELEMENT, assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<notification xmlns='" + NS + "'><x xmlns='urn:a'/><y xmlns='urn:a'/></notification>"))).errorTag());
        assertEquals(ErrorTag.MALFORMED_MESSAGE, assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<notification xmlns='" + NS + "'><eventTime>2026-11-22T04:12:49Z</eventTime></notification>")))
            .errorTag());
        assertEquals(ErrorTag.INVALID_VALUE, assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<notification xmlns='" + NS + "'><eventTime>yesterday</eventTime><x xmlns='urn:a'/></notification>")))
            .errorTag());
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
