package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.sdqkd.netconf.protocol.impl.DomNodes;

class XmlWriterTest {
    @Test
    void declaresEachNamespaceOnceWhereItIsFirstUsed() {
        final Document document = DomNodes.newDocument();
        final Element root = DomNodes.append(document, "urn:a", "root", null);
        final Element same = DomNodes.append(root, "urn:a", "same", "1");
        DomNodes.append(same, "urn:b", "other", "2");
        final Element prefixed = document.createElementNS("urn:c", "c:p");
        root.appendChild(prefixed);
        DomNodes.append(prefixed, "urn:c", "c:q", null);
        DomNodes.append(root, null, "none", null);
        assertEquals("<root xmlns=\"urn:a\"><same>1<other xmlns=\"urn:b\">2</other></same>"
            + "<c:p xmlns:c=\"urn:c\"><c:q/></c:p><none xmlns=\"\"/></root>", XmlWriter.fragment(root));
    }

    @Test
    void givesNamespacedAttributesWithoutPrefixAPrefix() {
        final Element root = DomNodes.append(DomNodes.newDocument(), "urn:a", "a", null);
        root.setAttributeNS("urn:x", "plain", "1");
        root.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        assertEquals("<a xmlns=\"urn:a\" xmlns:ns0=\"urn:x\" ns0:plain=\"1\" xml:lang=\"en\"/>",
            XmlWriter.fragment(root));
    }

    @Test
    void escapesTextAndAttributesAndReplacesWhatXmlCannotCarry() {
        final Element root = DomNodes.append(DomNodes.newDocument(), null, "a", "<&>\"'\t\r\n\u0001");
        root.setAttributeNS(null, "v", "<&>\"'\t\r\n");
        assertEquals("<a v=\"&lt;&amp;&gt;&quot;'&#9;&#13;&#10;\">&lt;&amp;&gt;\"'\t&#13;\n\uFFFD</a>",
            XmlWriter.fragment(root));
    }
}
