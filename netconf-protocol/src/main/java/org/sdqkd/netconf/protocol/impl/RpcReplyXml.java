package org.sdqkd.netconf.protocol.impl;

import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

/** The XML form of an {@code rpc-reply} (RFC 6241 sections 4.2 to 4.4). */
public final class RpcReplyXml {
    private RpcReplyXml() {
        // static only
    }

    /** The {@code rpc-reply} element of a reply, in a new document. */
    public static Element write(final RpcReply reply) {
        final Element root = DomNodes.append(DomNodes.newDocument(), NAMESPACE, "rpc-reply", null);
        reply.messageId().ifPresent(id -> root.setAttributeNS(null, RpcReply.MESSAGE_ID, id));
        RpcXml.writeAttributes(root, reply.attributes());
        switch (reply.content()) {
            case ReplyContent.Ok ok -> DomNodes.append(root, NAMESPACE, "ok", null);
            case ReplyContent.Data data -> {
                final Element dataElement = DomNodes.append(root, NAMESPACE, "data", null);
                data.nodes().forEach(node -> dataElement.appendChild(node.importInto(root.getOwnerDocument())));
            }
            case ReplyContent.ReadData read ->
                throw new IllegalArgumentException("data read by a DataReader is a result, not a message to write");
            case ReplyContent.StreamedData streamed ->
                StreamedReplyXml.writeChildren(streamed, DomNodes.append(root, NAMESPACE, "data", null));
            case ReplyContent.Output output ->
                output.nodes().forEach(node -> root.appendChild(node.importInto(root.getOwnerDocument())));
            case ReplyContent.Errors errors -> errors.errors().forEach(error -> RpcErrorXml.write(root, error));
        }
        return root;
    }

    /**
     * Reads an {@code rpc-reply} element, taking its content elements out of it (no copy: the element is of a
     * message just parsed, which nobody else holds). A reply holding rpc-errors is {@link ReplyContent.Errors} (any
     * other content beside them, allowed with warnings, is not kept); {@code <ok/>} alone is
     * {@link ReplyContent.Ok}; {@code <data>} alone is {@link ReplyContent.Data}; anything else is
     * {@link ReplyContent.Output}.
     */
    public static RpcReply read(final Element root) throws MessageException {
        final Attr id = root.getAttributeNodeNS(null, RpcReply.MESSAGE_ID);
        final Optional<String> messageId = Optional.ofNullable(id).map(Attr::getValue);
        final List<Element> children = DomNodes.childElements(root);
        final List<RpcError> errors = new ArrayList<>();
        for (Element child : children) {
            if (DomNodes.is(child, NAMESPACE, "rpc-error")) {
                errors.add(RpcErrorXml.read(child));
            }
        }
        final ReplyContent content;
        if (!errors.isEmpty()) {
            content = new ReplyContent.Errors(errors);
        } else if (children.size() == 1 && DomNodes.is(children.getFirst(), NAMESPACE, "ok")) {
            content = new ReplyContent.Ok();
        } else if (children.size() == 1 && DomNodes.is(children.getFirst(), NAMESPACE, "data")) {
            content = new ReplyContent.Data(adopted(DomNodes.childElements(children.getFirst())));
        } else {
            content = new ReplyContent.Output(adopted(children));
        }
        return new RpcReply(messageId, RpcXml.readAttributes(root), content);
    }

    /** A malformed-message failure of a reply. */
    static MessageException malformed(final String message) {
        return new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.MALFORMED_MESSAGE, message));
    }

    private static List<XmlElement> adopted(final List<Element> elements) {
        return elements.stream().map(XmlElement::adopt).toList();
    }
}
