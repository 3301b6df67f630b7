package org.sdqkd.netconf.protocol.api;

import java.util.List;
import java.util.Objects;

/** What an {@link RpcReply} holds (RFC 6241 sections 4.2 to 4.4). */
public sealed interface ReplyContent {
    /** {@code <ok/>}: the operation succeeded and returns nothing (RFC 6241 section 4.4). */
    record Ok() implements ReplyContent {
    }

    /**
     * {@code <data>}: the result of get, get-config and similar operations.
     *
     * @param nodes the children of the data element
     */
    record Data(List<XmlElement> nodes) implements ReplyContent {
        /** Copies the list. */
        public Data {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * {@code <data>} whose children are written straight into the message when it is sent, with no DOM of them:
     * the streaming form of {@link Data}, which a server uses for large replies. Decoding a reply never yields it.
     *
     * @param content writes the children of the data element
     */
    record StreamedData(XmlContent content) implements ReplyContent {
        /** Checks the component. */
        public StreamedData {
            Objects.requireNonNull(content);
        }
    }

    /**
     * {@code <data>} as a {@link DataReader} read it while the reply was parsed: the reader's result, with no DOM
     * of the data. Only decoding with a reader yields it; it is never written.
     *
     * @param value what the reader returned
     */
    record ReadData(Object value) implements ReplyContent {
        /** Checks the component. */
        public ReadData {
            Objects.requireNonNull(value);
        }
    }

    /**
     * The output elements of an operation defined by a YANG {@code rpc} (RFC 7950 section 7.14.4): the children
     * of rpc-reply, without a data wrapper.
     *
     * @param nodes the output elements
     */
    record Output(List<XmlElement> nodes) implements ReplyContent {
        /** Copies the list. */
        public Output {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * One or more {@code rpc-error}s (RFC 6241 section 4.3).
     *
     * @param errors the errors, in order
     */
    record Errors(List<RpcError> errors) implements ReplyContent {
        /**
         * Copies the list.
         *
         * @throws IllegalArgumentException if it is empty
         */
        public Errors {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an error reply needs at least one rpc-error");
            }
        }
    }
}
