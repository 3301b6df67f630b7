package org.sdqkd.netconf.protocol.impl;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.DataReaderException;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.w3c.dom.Element;

/**
 * Hands the {@code <data>} of an {@code rpc-reply} to the {@link DataReader} its caller registered under the reply's
 * message-id, while the reply is parsed, instead of building a DOM of it; the rest of the reply (its attributes,
 * {@code <ok/>}, rpc-errors) is built as for any message. One per message; not thread-safe.
 */
public final class ReplyDataDiversion implements DomBuilder.Diversion {
    private final Function<String, Optional<DataReader<?>>> readers;
    private String messageId;
    private DataReader<?> reader;
    private Object value;
    private Throwable failure;

    /**
     * A diversion for one message.
     *
     * @param readers the reader for a message-id, if its caller gave one
     */
    public ReplyDataDiversion(final Function<String, Optional<DataReader<?>>> readers) {
        this.readers = requireNonNull(readers);
    }

    @Override
    public boolean divert(final Element element, final int depth, final XMLStreamReader xml)
            throws XMLStreamException {
        if (depth == 1) {
            if (DomNodes.is(element, NAMESPACE, "rpc-reply") && element.hasAttributeNS(null, RpcReply.MESSAGE_ID)) {
                messageId = element.getAttributeNS(null, RpcReply.MESSAGE_ID);
                reader = readers.apply(messageId).orElse(null);
            }
            return false;
        }
        if (depth != 2 || reader == null || value != null || failure != null
                || !DomNodes.is(element, NAMESPACE, "data")) {
            return false;
        }
        final DataScope scope = new DataScope(xml);
        try {
            value = requireNonNull(reader.read(scope), "the data reader returned null");
        } catch (XMLStreamException | RuntimeException e) {
            if (scope.parseFailure().isPresent()) {
                throw scope.parseFailure().orElseThrow();
            }
            failure = e;
        }
        scope.skipRest();
        return true;
    }

    /**
     * The reply with the reader's result as its content, when the reader read its data.
     *
     * @param reply the reply as decoded, its {@code <data>} empty if the reader read it
     * @return the reply holding {@link ReplyContent.ReadData}, or the reply unchanged (an error reply, a reply
     *     without data, or one no reader was given for)
     * @throws DataReaderException if the reader refused the data of a reply that holds no error
     */
    public RpcReply apply(final RpcReply reply) throws DataReaderException {
        if (reply.content() instanceof ReplyContent.Errors) {
            return reply;
        }
        if (failure != null) {
            throw new DataReaderException(messageId, failure);
        }
        if (value != null && reply.content() instanceof ReplyContent.Data) {
            return new RpcReply(reply.messageId(), reply.attributes(), new ReplyContent.ReadData(value));
        }
        return reply;
    }
}
