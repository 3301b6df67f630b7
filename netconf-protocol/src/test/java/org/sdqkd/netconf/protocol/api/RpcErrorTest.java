package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.MessageCodec;

class RpcErrorTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);

    @Test
    void writesAnErrorInTheElementOrderOfRfc6241() {
        final RpcError error = new RpcError(ErrorType.APPLICATION, ErrorTag.DATA_MISSING, ErrorSeverity.ERROR,
            Optional.of("instance-required"), Optional.of(new ErrorPath("/t:top", Map.of("t", "urn:test:top"))),
            Optional.of(new ErrorMessage("fehlt", Optional.of("de"))),
            List.of(ErrorInfo.badElement("top"), ErrorInfo.base("ok-element", "a")));
        assertEquals("""
            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="3"><rpc-error>\
            <error-type>application</error-type><error-tag>data-missing</error-tag>\
            <error-severity>error</error-severity><error-app-tag>instance-required</error-app-tag>\
            <error-path xmlns:t="urn:test:top">/t:top</error-path><error-message xml:lang="de">fehlt</error-message>\
            <error-info><bad-element>top</bad-element><ok-element>a</ok-element></error-info></rpc-error>\
            </rpc-reply>""",
            reply(error));
    }

    private static String reply(final RpcError error) {
        final String xml = new String(CODEC.encode(new RpcReply(Optional.of("3"), Map.of(),
            new ReplyContent.Errors(List.of(error)))), StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf("?>") + 2);
    }
}
