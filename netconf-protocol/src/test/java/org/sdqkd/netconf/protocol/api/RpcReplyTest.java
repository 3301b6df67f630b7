package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.SafeXml;

class RpcReplyTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);
    private static final String RPC = """
        <rpc message-id="101" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:ex="http://example.net/content/1.0"
             ex:user-id="fred"><get/></rpc>""";

    @Test
    void returnsTheAttributesOfTheRpcAsRfc6241Section41Says() throws MessageException {
        final Rpc rpc = (Rpc) CODEC.decode(utf8(RPC));
        final String xml = new String(CODEC.encode(RpcReply.ok(rpc)), StandardCharsets.UTF_8);
        assertEquals("""
            <?xml version="1.0" encoding="UTF-8"?><rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" \
            xmlns:ex="http://example.net/content/1.0" ex:user-id="fred" message-id="101"><ok/></rpc-reply>""", xml);
        final RpcReply reply = (RpcReply) CODEC.decode(utf8(xml));
        assertEquals(Optional.of("101"), reply.messageId());
        assertEquals(Map.of(new QName("http://example.net/content/1.0", "user-id"), "fred"), reply.attributes());
        assertEquals(new ReplyContent.Ok(), reply.content());
    }

    @Test
    void carriesDataInTheDataElement() throws Exception {
        final Rpc rpc = (Rpc) CODEC.decode(utf8(RPC));
        final XmlElement top = XmlElement.of(SafeXml.of(XmlLimits.DEFAULT).parse(utf8(
            "<top xmlns='http://example.com/schema/1.2/config'><users><user><name>root</name></user></users></top>")));
        final RpcReply reply = RpcReply.to(rpc, new ReplyContent.Data(List.of(top)));
        final String xml = new String(CODEC.encode(reply), StandardCharsets.UTF_8);
        assertEquals("""
            <?xml version="1.0" encoding="UTF-8"?><rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" \
            xmlns:ex="http://example.net/content/1.0" ex:user-id="fred" message-id="101"><data>\
            <top xmlns="http://example.com/schema/1.2/config"><users><user><name>root</name></user></users></top>\
            </data></rpc-reply>""", xml);
        assertEquals(reply, CODEC.decode(utf8(xml)));
        final RpcReply empty = RpcReply.to(rpc, new ReplyContent.Data(List.of()));
        assertEquals(empty, CODEC.decode(CODEC.encode(empty)));
    }

    @Test
    void carriesRpcOutputWithoutWrapper() throws Exception {
        final XmlElement output = XmlElement.of(SafeXml.of(XmlLimits.DEFAULT).parse(utf8(
            "<key-id xmlns='urn:sdqkd:test'>42</key-id>")));
        final RpcReply reply = new RpcReply(Optional.of("9"), Map.of(), new ReplyContent.Output(List.of(output)));
        assertEquals(reply, CODEC.decode(CODEC.encode(reply)));
    }

    @Test
    void writesTheMissingAttributeReplyOfRfc6241AppendixA() throws MessageException {
        final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8(
            "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><get-config/></rpc>")));
        final RpcReply reply = RpcReply.failure(failure);
        assertEquals("""
            <?xml version="1.0" encoding="UTF-8"?><rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">\
            <rpc-error><error-type>rpc</error-type><error-tag>missing-attribute</error-tag>\
            <error-severity>error</error-severity>\
            <error-message xml:lang="en">the rpc element has no message-id attribute</error-message>\
            <error-info><bad-attribute>message-id</bad-attribute><bad-element>rpc</bad-element></error-info>\
            </rpc-error></rpc-reply>""", new String(CODEC.encode(reply), StandardCharsets.UTF_8));
        assertEquals(reply, CODEC.decode(CODEC.encode(reply)));
    }

    @Test
    void readsSeveralErrorsOfAReply() throws MessageException {
        final RpcReply reply = (RpcReply) CODEC.decode(utf8("""
            <rpc-reply message-id="101" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"
                xmlns:xc="urn:ietf:params:xml:ns:netconf:base:1.0">
              <rpc-error>
                <error-type>application</error-type>
                <error-tag>invalid-value</error-tag>
                <error-severity>error</error-severity>
                <error-path xmlns:t="http://example.com/schema/1.2/config">
                  /t:top/t:interface[t:name="Ethernet0/0"]/t:mtu
                </error-path>
                <error-message xml:lang="en">
                  MTU value 25000 is not within range 256..9192
                </error-message>
              </rpc-error>
              <rpc-error>
                <error-type>protocol</error-type>
                <error-tag>lock-denied</error-tag>
                <error-severity>warning</error-severity>
                <error-app-tag>some-tag</error-app-tag>
                <error-info><session-id>454</session-id></error-info>
              </rpc-error>
            </rpc-reply>
            """));
        final List<RpcError> errors = ((ReplyContent.Errors) reply.content()).errors();
        assertEquals(new RpcError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, ErrorSeverity.ERROR,
            Optional.empty(), Optional.of(new ErrorPath("/t:top/t:interface[t:name=\"Ethernet0/0\"]/t:mtu",
                Map.of("t", "http://example.com/schema/1.2/config"))),
            Optional.of(ErrorMessage.english("MTU value 25000 is not within range 256..9192")), List.of()),
            errors.get(0));
        assertEquals(RpcError.of(ErrorType.PROTOCOL, ErrorTag.LOCK_DENIED, "x").withSeverity(ErrorSeverity.WARNING)
            .withAppTag("some-tag").withInfo(ErrorInfo.sessionId(454)), withoutMessage(errors.get(1)));
    }

    @Test
    void refusesRpcErrorsWithoutTheirRequiredElements() {
        final MessageException failure = assertThrows(MessageException.class, () -> CODEC.decode(utf8("""
            <rpc-reply message-id="1" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <rpc-error><error-type>rpc</error-type><error-severity>error</error-severity></rpc-error>
            </rpc-reply>""")));
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
    }

    @Test
    void refusesAnErrorReplyWithoutErrors() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyContent.Errors(List.of()));
    }

    private static RpcError withoutMessage(final RpcError error) {
        return new RpcError(error.type(), error.tag(), error.severity(), error.appTag(), error.path(),
            Optional.of(ErrorMessage.english("x")), error.info());
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
