package org.sdqkd.netconf.protocol;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.impl.HelloXml;
import org.sdqkd.netconf.protocol.impl.NotificationXml;
import org.sdqkd.netconf.protocol.impl.ReplyDataDiversion;
import org.sdqkd.netconf.protocol.impl.RpcReplyXml;
import org.sdqkd.netconf.protocol.impl.RpcXml;
import org.sdqkd.netconf.protocol.impl.StreamedReplyXml;
import org.sdqkd.netconf.protocol.api.XmlWriter;
import org.w3c.dom.Element;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.DataReaderException;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/**
 * Turns the bytes of one message (as a {@link Framing} yields them) into a {@link NetconfMessage} and back. XML is
 * read with {@link SafeXml}; written as UTF-8 with an XML declaration. Thread-safe.
 */
public final class MessageCodec {
    private final SafeXml xml;

    private MessageCodec(final SafeXml xml) {
        this.xml = requireNonNull(xml);
    }

    /**
     * A codec reading XML within the given limits.
     *
     * @param limits the limits on received documents
     * @return the codec
     */
    public static MessageCodec of(final XmlLimits limits) {
        return new MessageCodec(SafeXml.of(limits));
    }

    /**
     * Reads one message.
     *
     * @param message the bytes of one XML document
     * @return the hello, rpc, rpc-reply or notification
     * @throws MessageException if the document is refused ({@code malformed-message} or {@code too-big}), its
     *                          document element is not a NETCONF message ({@code unknown-namespace} or
     *                          {@code unknown-element}, with bad-element), or the message breaks RFC 6241
     */
    public NetconfMessage decode(final byte[] message) throws MessageException {
        try {
            return message(xml.parse(message).getDocumentElement());
        } catch (XmlParseException e) {
            throw new MessageException(e.error(), Optional.empty(), Map.of(), e);
        }
    }

    /**
     * Reads one message while its bytes arrive, to the end of the stream (the XML is parsed as it is read, not
     * gathered first); the same checks as {@link #decode(byte[])}.
     *
     * @param message the bytes of one XML document, to the stream's end; not closed
     * @return the hello, rpc, rpc-reply or notification
     * @throws MessageException as {@link #decode(byte[])}
     * @throws IOException      if the stream fails
     */
    public NetconfMessage decode(final InputStream message) throws MessageException, IOException {
        try {
            return message(xml.parse(message).getDocumentElement());
        } catch (XmlParseException e) {
            throw new MessageException(e.error(), Optional.empty(), Map.of(), e);
        }
    }

    /**
     * Reads one message while its bytes arrive, as {@link #decode(InputStream)}, except that the {@code <data>} of
     * an rpc-reply whose message-id has a {@link DataReader} is read by that reader while it is parsed, with no DOM
     * of it: such a reply holds {@link ReplyContent.ReadData} (unless it holds rpc-errors).
     *
     * @param message the bytes of one XML document, to the stream's end; not closed
     * @param readers the data reader for a message-id, if there is one
     * @return the hello, rpc, rpc-reply or notification
     * @throws MessageException    as {@link #decode(byte[])}
     * @throws DataReaderException if the reader refused the data; the message was read whole and well-formed
     * @throws IOException         if the stream fails
     */
    public NetconfMessage decode(final InputStream message, final Function<String, Optional<DataReader<?>>> readers)
            throws MessageException, DataReaderException, IOException {
        final ReplyDataDiversion diversion = new ReplyDataDiversion(readers);
        final NetconfMessage decoded;
        try {
            decoded = message(xml.parse(message, diversion).getDocumentElement());
        } catch (XmlParseException e) {
            throw new MessageException(e.error(), Optional.empty(), Map.of(), e);
        }
        return decoded instanceof RpcReply reply ? diversion.apply(reply) : decoded;
    }

    private static NetconfMessage message(final Element root) throws MessageException {
        final String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        final String name = root.getLocalName();
        if (Notification.NAMESPACE.equals(namespace) && "notification".equals(name)) {
            return NotificationXml.read(root);
        }
        if (!NetconfMessage.NAMESPACE.equals(namespace)) {
            throw new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.UNKNOWN_NAMESPACE,
                    "not a NETCONF message: element " + name + " in namespace '" + namespace + "'")
                .withInfo(ErrorInfo.badElement(name), ErrorInfo.badNamespace(namespace)));
        }
        return switch (name) {
            case "hello" -> HelloXml.read(root);
            case "rpc" -> RpcXml.read(root);
            case "rpc-reply" -> RpcReplyXml.read(root);
            default -> throw new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.UNKNOWN_ELEMENT,
                    "not a NETCONF message: " + name).withInfo(ErrorInfo.badElement(name)));
        };
    }

    /**
     * Writes one message.
     *
     * @param message the message
     * @return the UTF-8 bytes of its XML document
     */
    public byte[] encode(final NetconfMessage message) {
        final Element root = switch (message) {
            case Hello hello -> HelloXml.write(hello);
            case Rpc rpc -> RpcXml.write(rpc);
            case RpcReply reply -> RpcReplyXml.write(reply);
            case Notification notification -> NotificationXml.write(notification);
        };
        return XmlWriter.document(root);
    }

    /**
     * Writes one message into a stream, such as the stream of {@link Framing#newMessage(OutputStream)}. A reply
     * holding {@link ReplyContent.StreamedData} is written as its content is produced, with no DOM and no copy of
     * the whole document; any other message as {@link #encode(NetconfMessage)} makes it.
     *
     * @param message the message
     * @param out     where its UTF-8 XML document goes; not closed
     * @throws IOException if the stream fails or streamed content cannot be written
     */
    public void encode(final NetconfMessage message, final OutputStream out) throws IOException {
        if (message instanceof RpcReply reply && reply.content() instanceof ReplyContent.StreamedData streamed) {
            StreamedReplyXml.write(reply, streamed, out);
        } else {
            out.write(encode(message));
        }
    }
}
