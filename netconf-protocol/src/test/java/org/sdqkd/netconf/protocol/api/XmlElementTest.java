package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.SafeXml;

class XmlElementTest {
    private static final SafeXml XML = SafeXml.of(XmlLimits.DEFAULT);

    @Test
    void keepsPrefixesDeclaredOnAncestorsBound() throws Exception {
        final Rpc rpc = (Rpc) MessageCodec.of(XmlLimits.DEFAULT).decode(utf8("""
            <rpc message-id="1" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:id="urn:ids">\
            <edit-config><config><type xmlns="urn:m">id:hybrid</type></config></edit-config></rpc>"""));
        final Element type = (Element) rpc.operation().toElement().getElementsByTagNameNS("urn:m", "type").item(0);
        assertEquals("urn:ids", type.lookupNamespaceURI("id"));
        assertEquals("<edit-config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" xmlns:id=\"urn:ids\"><config>"
            + "<type xmlns=\"urn:m\">id:hybrid</type></config></edit-config>", rpc.operation().toString());
    }

    @Test
    void equalsByNamesAndContentWhateverThePrefixes() throws Exception {
        final XmlElement prefixed = element("<p:a xmlns:p='urn:a' p:x='1'><p:b>t</p:b><!-- c --></p:a>");
        final XmlElement unprefixed = element("<a xmlns='urn:a' xmlns:q='urn:a' q:x='1'><b>t</b></a>");
        assertEquals(prefixed, unprefixed);
        assertEquals(prefixed.hashCode(), unprefixed.hashCode());
        assertNotEquals(prefixed, element("<a xmlns='urn:a' x='1'><b>t</b></a>"), "attribute without namespace");
        assertNotEquals(prefixed, element("<a xmlns='urn:a' xmlns:q='urn:a' q:x='1'><b>u</b></a>"));
        assertNotEquals(prefixed, element("<a xmlns='urn:b' xmlns:q='urn:a' q:x='1'><b>t</b></a>"));
    }

    @Test
    void neverChangesOnceMade() throws Exception {
        final Element source = XML.parse(utf8("<a xmlns='urn:a'>1</a>")).getDocumentElement();
        final XmlElement element = XmlElement.of(source);
        source.setTextContent("2");
        element.toElement().setTextContent("3");
        assertEquals("<a xmlns=\"urn:a\">1</a>", element.toString());
        assertEquals("urn:a", element.namespace());
        assertEquals("a", element.localName());
    }

    @Test
    void adoptedReplyContentKeepsInheritedPrefixesAndLeavesItsMessage() throws Exception {
        final Element reply = XML.parse(utf8("<rpc-reply xmlns='urn:ietf:params:xml:ns:netconf:base:1.0' "
            + "xmlns:id='urn:ids' message-id='1'><data><t xmlns='urn:m'>id:hybrid</t><u xmlns='urn:m'/></data>"
            + "</rpc-reply>")).getDocumentElement();
        final Element data = (Element) reply.getFirstChild();
        final Element t = (Element) data.getFirstChild();
        final XmlElement adopted = XmlElement.adopt(t);
        assertEquals("<t xmlns=\"urn:m\" xmlns:id=\"urn:ids\">id:hybrid</t>", adopted.toString());
        assertEquals(XmlElement.of(XML.parse(utf8("<t xmlns='urn:m' xmlns:id='urn:ids'>id:hybrid</t>"))), adopted);
        assertEquals("u", data.getFirstChild().getLocalName(), "taken out of the message, not copied");
        assertEquals(1, data.getChildNodes().getLength());
    }

    private static XmlElement element(final String xml) throws XmlParseException {
        return XmlElement.of(XML.parse(utf8(xml)));
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
