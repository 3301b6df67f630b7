package org.sdqkd.netconf.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.DataReaderException;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/** The {@code <data>} of a reply read by a {@link DataReader} while the reply is parsed. */
class MessageCodecDataReaderTest {
    private static final MessageCodec CODEC = MessageCodec.of(new XmlLimits(8, 4096));
    private static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String REPLY = "<rpc-reply xmlns='" + NS + "' message-id='7'><data>"
        + "<probe xmlns='urn:p'><node><name>a</name></node><node><name>b &amp; c</name></node></probe>"
        + "</data></rpc-reply>";

    /** Collects the text of every {@code name} element and checks it ends on {@code </data>}. */
    private static final DataReader<List<String>> NAMES = data -> {
        final List<String> names = new ArrayList<>();
        while (data.hasNext()) {
            if (data.next() == XMLStreamConstants.START_ELEMENT && "name".equals(data.getLocalName())) {
                names.add(data.getElementText());
            }
        }
        assertEquals(XMLStreamConstants.END_ELEMENT, data.getEventType());
        assertEquals("data", data.getLocalName());
        return names;
    };

    @Test
    void readsTheDataOfARegisteredReplyWithItsReader() throws Exception {
        final RpcReply reply = assertInstanceOf(RpcReply.class, CODEC.decode(in(REPLY), only("7", NAMES)));
        assertEquals(Optional.of("7"), reply.messageId());
        assertEquals(List.of("a", "b & c"), assertInstanceOf(ReplyContent.ReadData.class, reply.content()).value());
    }

    @Test
    void buildsTheDataOfOtherRepliesAsBefore() throws Exception {
        final RpcReply reply = assertInstanceOf(RpcReply.class, CODEC.decode(in(REPLY), only("8", NAMES)));
        assertEquals(1, assertInstanceOf(ReplyContent.Data.class, reply.content()).nodes().size());
        assertEquals(CODEC.decode(REPLY.getBytes(StandardCharsets.UTF_8)), reply);
    }

    @Test
    void readsTheRestOfTheDataThatTheReaderLeaves() throws Exception {
        final DataReader<String> first = data -> {
            data.nextTag();
            return data.getLocalName();
        };
        final RpcReply reply = assertInstanceOf(RpcReply.class, CODEC.decode(in(REPLY), only("7", first)));
        assertEquals("probe", assertInstanceOf(ReplyContent.ReadData.class, reply.content()).value());
    }

    @Test
    void refusesDataNotWellFormedAsAMalformedMessageWhateverTheReaderDoes() {
        final DataReader<String> swallowing = data -> {
            try {
                while (data.hasNext()) {
                    data.next();
                }
            } catch (XMLStreamException e) {
                throw new IllegalStateException("caught", e);
            }
            return "read";
        };
        final String broken = "<rpc-reply xmlns='" + NS + "' message-id='7'><data><a></b></data></rpc-reply>";
        assertEquals(ErrorTag.MALFORMED_MESSAGE, assertThrows(MessageException.class,
            () -> CODEC.decode(in(broken), only("7", swallowing))).errorTag());
        final String deep = "<rpc-reply xmlns='" + NS + "' message-id='7'><data>" + "<a>".repeat(8) + "</a>".repeat(8)
            + "</data></rpc-reply>";
        final MessageException tooDeep = assertThrows(MessageException.class,
            () -> CODEC.decode(in(deep), only("7", swallowing)));
        assertEquals(XmlParseException.Reason.TOO_DEEP,
            assertInstanceOf(XmlParseException.class, tooDeep.getCause()).reason());
    }

    @Test
    void reportsTheReadersOwnRefusalAfterReadingTheWholeMessage() throws Exception {
        final DataReader<String> refusing = data -> {
            throw new XMLStreamException("not a probe");
        };
        final InputStream stream = in(REPLY);
        final DataReaderException failure = assertThrows(DataReaderException.class,
            () -> CODEC.decode(stream, only("7", refusing)));
        assertEquals("7", failure.messageId());
        assertEquals("not a probe", failure.getCause().getMessage());
        assertEquals(-1, stream.read(), "the message was read to its end");
    }

    @Test
    void keepsErrorRepliesAndRepliesWithoutData() throws Exception {
        final String error = "<rpc-reply xmlns='" + NS + "' message-id='7'><rpc-error><error-type>application"
            + "</error-type><error-tag>invalid-value</error-tag><error-severity>error</error-severity></rpc-error>"
            + "</rpc-reply>";
        final RpcReply failed = assertInstanceOf(RpcReply.class, CODEC.decode(in(error), only("7", NAMES)));
        assertInstanceOf(ReplyContent.Errors.class, failed.content());
        final String ok = "<rpc-reply xmlns='" + NS + "' message-id='7'><ok/></rpc-reply>";
        assertInstanceOf(ReplyContent.Ok.class,
            assertInstanceOf(RpcReply.class, CODEC.decode(in(ok), only("7", NAMES))).content());
    }

    @Test
    void givesTheReaderNoEventBeyondTheDataElement() throws Exception {
        final DataReader<Boolean> greedy = data -> {
            while (data.hasNext()) {
                data.next();
            }
            return data.hasNext();
        };
        final RpcReply reply = assertInstanceOf(RpcReply.class, CODEC.decode(in(REPLY), only("7", greedy)));
        assertFalse((Boolean) assertInstanceOf(ReplyContent.ReadData.class, reply.content()).value());
    }

    private static Function<String, Optional<DataReader<?>>> only(final String messageId, final DataReader<?> reader) {
        return id -> messageId.equals(id) ? Optional.of(reader) : Optional.empty();
    }

    private static InputStream in(final String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
