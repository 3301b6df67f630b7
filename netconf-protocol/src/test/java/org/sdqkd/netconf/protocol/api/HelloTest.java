package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.MessageCodec;

class HelloTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);

    @Test
    void readsTheServerHelloOfRfc6241() throws MessageException {
        final Hello hello = (Hello) CODEC.decode(utf8("""
            <hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <capabilities>
                <capability>
                  urn:ietf:params:netconf:base:1.1
                </capability>
                <capability>
                  urn:ietf:params:netconf:capability:startup:1.0
                </capability>
                <capability>
                  http://example.net/router/2.3/myfeature
                </capability>
              </capabilities>
              <session-id>4</session-id>
            </hello>
            """));
        assertEquals(List.of(Capabilities.BASE_1_1, Capabilities.STARTUP,
            URI.create("http://example.net/router/2.3/myfeature")), List.copyOf(hello.capabilities()));
        assertEquals(OptionalLong.of(4), hello.sessionId());
    }

    @Test
    void writesCapabilitiesInOrderAndTheSessionId() throws MessageException {
        final Hello hello = Hello.server(4_294_967_295L, List.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1,
            Capabilities.withDefaults("explicit", "trim")));
        final String xml = new String(CODEC.encode(hello), StandardCharsets.UTF_8);
        assertEquals("""
            <?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\
            <capabilities><capability>urn:ietf:params:netconf:base:1.0</capability>\
            <capability>urn:ietf:params:netconf:base:1.1</capability>\
            <capability>urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&amp;\
            also-supported=trim</capability></capabilities><session-id>4294967295</session-id></hello>""", xml);
        assertEquals(hello, CODEC.decode(CODEC.encode(hello)));
        final Hello client = Hello.client(List.of(Capabilities.BASE_1_1));
        assertEquals(client, CODEC.decode(CODEC.encode(client)));
    }

    @Test
    void choosesChunkedFramingOnlyWhenBothAnnounceBase11() throws MessageException {
        final Hello both = Hello.client(List.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1));
        final Hello old = Hello.server(1, List.of(Capabilities.BASE_1_0));
        final Hello onlyNew = Hello.server(1, List.of(Capabilities.BASE_1_1));
        assertInstanceOf(ChunkedFraming.class, both.negotiateFraming(onlyNew, 1000));
        assertInstanceOf(ChunkedFraming.class, onlyNew.negotiateFraming(both, 1000));
        assertInstanceOf(EndOfMessageFraming.class, both.negotiateFraming(old, 1000));
        assertInstanceOf(EndOfMessageFraming.class, old.negotiateFraming(both, 1000));
        assertEquals(1000, both.negotiateFraming(onlyNew, 1000).maxMessageSize());
        final MessageException failure = assertThrows(MessageException.class,
            () -> old.negotiateFraming(onlyNew, 1000));
        assertEquals(ErrorType.PROTOCOL, failure.errorType());
        assertTrue(failure.getMessage().contains("no NETCONF base version in common"), failure.getMessage());
    }

    @Test
    void findsCapabilitiesWhateverTheirParameters() {
        final Hello hello = Hello.server(7, List.of(Capabilities.BASE_1_1,
            Capabilities.withDefaults("report-all", "")));
        assertTrue(hello.announces(Capabilities.WITH_DEFAULTS));
        assertFalse(hello.announces(Capabilities.CANDIDATE));
    }

    @Test
    void refusesSessionIdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Hello.server(0, List.of(Capabilities.BASE_1_1)));
        assertThrows(IllegalArgumentException.class, () -> Hello.server(4_294_967_296L, List.of()));
        for (String id : List.of("0", "4294967296", "-1", "x", "")) {
            final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
                "<hello xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><capabilities><capability>"
                    + "urn:ietf:params:netconf:base:1.1</capability></capabilities><session-id>" + id
                    + "</session-id></hello>")), id);
            assertEquals(ErrorTag.INVALID_VALUE, failure.errorTag());
            assertEquals(List.of(ErrorInfo.badElement("session-id")), failure.error().info());
        }
    }

    @Test
    void refusesHellosWithoutCapabilities() {
        for (String body : List.of("", "<capabilities/>",
                "<capabilities><capability>a b</capability></capabilities>")) {
            final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
                "<hello xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>" + body + "</hello>")), body);
            assertEquals(ErrorType.PROTOCOL, failure.errorType(), body);
        }
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
