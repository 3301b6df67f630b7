package org.sdqkd.netconf.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

class MessageCodecTest {
    private static final MessageCodec CODEC = MessageCodec.of(new XmlLimits(32, 4096));

    @Test
    void refusesElementsOutsideTheNetconfNamespace() {
        final MessageException failure = assertThrows(MessageException.class,
            () -> CODEC.decode(utf8("<rpc xmlns='urn:other' message-id='1'><get/></rpc>")));
        assertEquals(ErrorTag.UNKNOWN_NAMESPACE, failure.errorTag());
        assertEquals(List.of(ErrorInfo.badElement("rpc"), ErrorInfo.badNamespace("urn:other")),
            failure.error().info());
        assertEquals(ErrorTag.UNKNOWN_NAMESPACE, assertThrows(MessageException.class,
            () -> CODEC.decode(utf8("<rpc message-id='1'><get/></rpc>"))).errorTag());
    }

    @Test
    void refusesUnknownMessages() {
        final MessageException failure = assertThrows(MessageException.class,
            () -> CODEC.decode(utf8("<notification xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>")));
        assertEquals(ErrorType.RPC, failure.errorType());
        assertEquals(ErrorTag.UNKNOWN_ELEMENT, failure.errorTag());
        assertEquals(List.of(ErrorInfo.badElement("notification")), failure.error().info());
    }

    @Test
    void refusesMessagesWithDtdsAsMalformed() {
        final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<!DOCTYPE rpc><rpc message-id='1' xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><get/></rpc>")));
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
        assertEquals(XmlParseException.Reason.DTD_REFUSED,
            assertInstanceOf(XmlParseException.class, failure.getCause()).reason());
    }

    @Test
    void refusesMessagesBeyondTheLimitsAsTooBig() {
        final String filler = "<a>" + "x".repeat(5000) + "</a>";
        assertEquals(ErrorTag.TOO_BIG, assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<rpc message-id='1' xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>" + filler + "</rpc>")))
            .errorTag());
        assertEquals(ErrorTag.TOO_BIG, assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<rpc message-id='1' xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>" + "<a>".repeat(40)
                + "</a>".repeat(40) + "</rpc>"))).errorTag());
    }

    @Test
    void decodesWhatTheFramingsYield() throws Exception {
        final Framing framing = ChunkedFraming.of(4096);
        final Rpc rpc = Rpc.of("12", SafeXml.of(XmlLimits.DEFAULT).parse(utf8(
            "<close-session xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>")).getDocumentElement());
        final byte[] wire = framing.encode(CODEC.encode(rpc));
        assertEquals(rpc, CODEC.decode(framing.decode(wire).getFirst()));
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
