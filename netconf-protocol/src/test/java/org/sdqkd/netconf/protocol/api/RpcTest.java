package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.w3c.dom.Element;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.SafeXml;

class RpcTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);

    @Test
    void keepsTheOperationAndEveryAttribute() throws MessageException {
        final Rpc rpc = (Rpc) CODEC.decode(utf8("""
            <rpc message-id="101"
                 xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"
                 xmlns:ex="http://example.net/content/1.0"
                 ex:user-id="fred">
              <get-config>
                <source><running/></source>
                <filter type="subtree"><top xmlns="http://example.com/schema/1.2/config"/></filter>
              </get-config>
            </rpc>
            """));
        assertEquals("101", rpc.messageId());
        assertEquals(Map.of(new QName("http://example.net/content/1.0", "user-id"), "fred"), rpc.attributes());
        assertEquals("ex", rpc.attributes().keySet().iterator().next().getPrefix());
        final Element operation = rpc.operation().toElement();
        assertEquals(NetconfMessage.NAMESPACE, operation.getNamespaceURI());
        assertEquals("get-config", operation.getLocalName());
        assertEquals("http://example.com/schema/1.2/config",
            operation.getElementsByTagNameNS("*", "top").item(0).getNamespaceURI());
        assertEquals(rpc, CODEC.decode(CODEC.encode(rpc)));
    }

    @Test
    void writesTheRpcWithItsAttributes() throws MessageException {
        final Rpc rpc = (Rpc) CODEC.decode(utf8("""
            <rpc message-id="7" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:ex="urn:ex" ex:user-id="a&amp;b"\
            ><lock><target><candidate/></target></lock></rpc>"""));
        assertEquals("""
            <?xml version="1.0" encoding="UTF-8"?><rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" \
            xmlns:ex="urn:ex" ex:user-id="a&amp;b" message-id="7"><lock><target><candidate/></target></lock></rpc>""",
            new String(CODEC.encode(rpc), StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnRpcWithoutMessageIdAsRfc6241Says() {
        final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8("""
            <rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:ex="urn:ex" ex:user-id="fred">
              <get-config><source><running/></source></get-config>
            </rpc>
            """)));
        assertEquals(ErrorType.RPC, failure.errorType());
        assertEquals(ErrorTag.MISSING_ATTRIBUTE, failure.errorTag());
        assertEquals(List.of(ErrorInfo.badAttribute("message-id"), ErrorInfo.badElement("rpc")),
            failure.error().info());
        assertEquals(Optional.empty(), failure.messageId());
        assertEquals(Map.of(new QName("urn:ex", "user-id"), "fred"), failure.attributes());
    }

    @Test
    void refusesXmlThatIsNotWellFormedAsMalformedMessage() {
        final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<rpc message-id=\"1\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><get></rpc>")));
        assertEquals(ErrorType.RPC, failure.errorType());
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
        assertEquals(XmlParseException.Reason.NOT_WELL_FORMED,
            ((XmlParseException) failure.getCause()).reason());
    }

    @Test
    void refusesAnRpcWithoutExactlyOneOperation() {
        for (String body : List.of("", "<get/><get/>", "text<get/>")) {
            final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
                "<rpc message-id=\"5\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + body + "</rpc>")));
            assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag(), body);
            assertEquals(Optional.of("5"), failure.messageId(), "known, for the reply");
        }
    }

    @Test
    void copiesTheOperationElement() throws Exception {
        final Element operation = SafeXml.of(XmlLimits.DEFAULT).parse(utf8("<get xmlns='urn:x'/>"))
            .getDocumentElement();
        final Rpc rpc = Rpc.of("1", operation);
        operation.setAttribute("changed", "later");
        rpc.operation().toElement().setAttribute("changed", "by a reader");
        assertEquals("<get xmlns=\"urn:x\"/>", rpc.operation().toString());
        assertThrows(IllegalArgumentException.class,
            () -> new Rpc("1", Map.of(new QName("message-id"), "2"), rpc.operation()));
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
