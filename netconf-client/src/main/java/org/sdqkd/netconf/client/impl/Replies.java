package org.sdqkd.netconf.client.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sdqkd.netconf.client.api.UnexpectedReplyException;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the results of the standard operations from their replies. Replies holding errors of severity error never
 * get here (the rpc future fails with them); a reply holding only warnings counts as success without content.
 */
public final class Replies {
    private Replies() {
        // static only
    }

    /**
     * Succeeds for any reply that is not an error: {@code <ok/>} or anything else.
     *
     * @param reply the reply
     * @return a completed future
     */
    public static CompletableFuture<Void> ok(final RpcReply reply) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The children of the reply's {@code <data>} (get, get-config); none for {@code <ok/>} or a reply holding only
     * warnings.
     *
     * @param reply the reply
     * @return the data nodes, or a failed future if the reply holds something else
     */
    public static CompletableFuture<List<XmlElement>> data(final RpcReply reply) {
        return switch (reply.content()) {
            case ReplyContent.Data data -> CompletableFuture.completedFuture(data.nodes());
            case ReplyContent.Ok ok -> CompletableFuture.completedFuture(List.of());
            case ReplyContent.Errors errors -> CompletableFuture.completedFuture(List.of());
            case ReplyContent.Output output -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("expected <data>, got " + names(output.nodes())));
            case ReplyContent.StreamedData streamed -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("a streamed reply is written, never received"));
            case ReplyContent.ReadData read -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("the data was given to a data reader"));
        };
    }

    /**
     * What the {@link DataReader} of an rpc made of the reply's {@code <data>} (get, get-config); empty for
     * {@code <ok/>} or a reply holding only warnings.
     *
     * @param <T>    what the reader returns
     * @param reply  the reply to an rpc sent with that reader
     * @param reader the reader, for its type
     * @return the reader's result, or a failed future if the reply holds something else
     */
    public static <T> CompletableFuture<Optional<T>> read(final RpcReply reply, final DataReader<T> reader) {
        return switch (reply.content()) {
            // the session gave this rpc's data to this reader only, so the value is what it returned
            case ReplyContent.ReadData read -> {
                @SuppressWarnings("unchecked")
                final T value = (T) read.value();
                yield CompletableFuture.completedFuture(Optional.of(value));
            }
            case ReplyContent.Ok ok -> CompletableFuture.completedFuture(Optional.empty());
            case ReplyContent.Errors errors -> CompletableFuture.completedFuture(Optional.empty());
            case ReplyContent.Data data -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("the data was not given to the data reader"));
            case ReplyContent.Output output -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("expected <data>, got " + names(output.nodes())));
            case ReplyContent.StreamedData streamed -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("a streamed reply is written, never received"));
        };
    }

    /**
     * The children of the {@code <data>} of {@code ietf-netconf-nmda} (get-data).
     *
     * @param reply the reply
     * @return the data nodes, or a failed future if the reply holds something else
     */
    public static CompletableFuture<List<XmlElement>> nmdaData(final RpcReply reply) {
        return switch (reply.content()) {
            case ReplyContent.Data data -> CompletableFuture.completedFuture(data.nodes());
            case ReplyContent.Output output when output.nodes().size() == 1
                    && "data".equals(output.nodes().getFirst().localName()) ->
                CompletableFuture.completedFuture(children(output.nodes().getFirst()));
            case ReplyContent.Ok ok -> CompletableFuture.completedFuture(List.of());
            case ReplyContent.Errors errors -> CompletableFuture.completedFuture(List.of());
            case ReplyContent.Output output -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("expected <data>, got " + names(output.nodes())));
            case ReplyContent.StreamedData streamed -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("a streamed reply is written, never received"));
            case ReplyContent.ReadData read -> CompletableFuture.failedFuture(
                new UnexpectedReplyException("the data was given to a data reader"));
        };
    }

    /**
     * The text of the {@code <data>} of {@code ietf-netconf-monitoring} (get-schema).
     *
     * @param reply the reply
     * @return the schema text, or a failed future if the reply holds something else
     */
    public static CompletableFuture<String> schemaText(final RpcReply reply) {
        if (reply.content() instanceof ReplyContent.Output output && output.nodes().size() == 1
                && "data".equals(output.nodes().getFirst().localName())) {
            return CompletableFuture.completedFuture(output.nodes().getFirst().toElement().getTextContent());
        }
        return CompletableFuture.failedFuture(new UnexpectedReplyException(
            "expected <data> with the schema text, got " + reply.content()));
    }

    private static List<XmlElement> children(final XmlElement parent) {
        final Element element = parent.toElement();
        final List<XmlElement> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(XmlElement.of(childElement));
            }
        }
        return children;
    }

    private static String names(final List<XmlElement> nodes) {
        return nodes.stream().map(node -> "{" + node.namespace() + "}" + node.localName()).toList().toString();
    }
}
