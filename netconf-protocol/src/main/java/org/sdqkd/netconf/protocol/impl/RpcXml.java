package org.sdqkd.netconf.protocol.impl;

import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** The XML form of an {@code rpc} (RFC 6241 section 4.1) and the attribute handling rpc-reply shares. */
public final class RpcXml {
    private RpcXml() {
        // static only
    }

    /** The {@code rpc} element of a request, in a new document. */
    public static Element write(final Rpc rpc) {
        final Element root = DomNodes.append(DomNodes.newDocument(), NAMESPACE, "rpc", null);
        root.setAttributeNS(null, RpcReply.MESSAGE_ID, rpc.messageId());
        writeAttributes(root, rpc.attributes());
        root.appendChild(rpc.operation().importInto(root.getOwnerDocument()));
        return root;
    }

    /**
     * Reads an {@code rpc} element: missing-attribute (bad-attribute message-id, bad-element rpc) without
     * message-id, malformed-message unless it holds exactly one element and no text.
     */
    public static Rpc read(final Element root) throws MessageException {
        final Map<QName, String> attributes = readAttributes(root);
        final Attr id = root.getAttributeNodeNS(null, RpcReply.MESSAGE_ID);
        if (id == null) {
            throw new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.MISSING_ATTRIBUTE,
                    "the rpc element has no message-id attribute")
                .withInfo(ErrorInfo.badAttribute(RpcReply.MESSAGE_ID), ErrorInfo.badElement("rpc")),
                Optional.empty(), attributes, null);
        }
        final List<Element> children = DomNodes.childElements(root);
        if (children.size() != 1 || DomNodes.hasText(root)) {
            throw new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.MALFORMED_MESSAGE,
                "an rpc holds exactly one operation element and no text; this one has " + children.size()
                    + " elements" + (DomNodes.hasText(root) ? " and text" : "")),
                Optional.of(id.getValue()), attributes, null);
        }
        return new Rpc(id.getValue(), attributes, XmlElement.of(children.getFirst()));
    }

    /** The attributes of an rpc or rpc-reply element other than message-id and namespace declarations. */
    static Map<QName, String> readAttributes(final Element element) {
        final Map<QName, String> attributes = new LinkedHashMap<>();
        final NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            final Attr attr = (Attr) attrs.item(i);
            final String ns = attr.getNamespaceURI() == null ? "" : attr.getNamespaceURI();
            if (ns.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)
                    || ns.isEmpty() && RpcReply.MESSAGE_ID.equals(attr.getLocalName())) {
                continue;
            }
            final String prefix = attr.getPrefix() == null ? "" : attr.getPrefix();
            attributes.put(new QName(ns, attr.getLocalName(), prefix), attr.getValue());
        }
        return attributes;
    }

    /** Sets attributes on an rpc or rpc-reply element. */
    static void writeAttributes(final Element element, final Map<QName, String> attributes) {
        attributes.forEach((name, value) -> {
            final String ns = name.getNamespaceURI();
            final String qualified = name.getPrefix().isEmpty() ? name.getLocalPart()
                : name.getPrefix() + ':' + name.getLocalPart();
            element.setAttributeNS(ns.isEmpty() ? null : ns, qualified, value);
        });
    }
}
