package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.ErrorMessage;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlLimits;

/** The rpc-errors made from the datastore's validation errors (moved here from netconf-protocol's RpcErrorTest). */
class ErrorsTest {
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);
    private static EffectiveModelContext context;

    @BeforeAll
    static void parseModels() throws Exception {
        context = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new StringYangTextSource(new SourceIdentifier("test-top"), """
                module test-top {
                  namespace "urn:test:top";
                  prefix t;
                  container top {
                    list item {
                      key "name";
                      leaf name { type string; }
                      leaf value { type int8; }
                      leaf-list tag { type string; }
                    }
                  }
                }
                """))
            .addSource(new StringYangTextSource(new SourceIdentifier("test-aug"), """
                module test-aug {
                  namespace "urn:test:aug";
                  prefix t;
                  import test-top { prefix tt; }
                  augment "/tt:top/tt:item" {
                    container extra { leaf size { type uint8; } }
                  }
                }
                """))
            .buildEffectiveModel();
    }

    @Test
    void translatesTheDataPathOfAValidationErrorIntoPrefixedXPath() throws MessageException {
        final RpcError error = Errors.of(new ValidationError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
            Optional.of("range"), "/test-top:top/item[name='a/b]c']/value", "value 300 out of range"), context);
        assertEquals(Optional.of(new ErrorPath("/t:top/t:item[t:name='a/b]c']/t:value",
            Map.of("t", "urn:test:top"))), error.path());
        assertEquals(Optional.of("range"), error.appTag());
        assertEquals(Optional.of(ErrorMessage.english("value 300 out of range")), error.message());
        assertEquals(List.of(), error.info());
        assertEquals(error, roundTrip(error));
    }

    @Test
    void givesModulesWithTheSamePrefixDistinctOnes() throws MessageException {
        final RpcError error = Errors.of(ValidationError.of(ErrorTag.BAD_ELEMENT,
            "/test-top:top/item[name=\"it's\"]/test-aug:extra/size", "duplicate"), context);
        final ErrorPath path = error.path().orElseThrow();
        assertEquals("/t:top/t:item[t:name=\"it's\"]/t2:extra/t2:size", path.xpath());
        assertEquals(Map.of("t", "urn:test:top", "t2", "urn:test:aug"), path.namespaces());
        assertEquals(List.of(ErrorInfo.badElement("size")), error.info(), "bad-element required for bad-element");
        assertEquals(error, roundTrip(error));
    }

    @Test
    void keepsLeafListValuesAndKeysOfOtherModules() {
        assertEquals("/t:top/t:item[t:name='x']/t:tag[.='a']", Errors.of(ValidationError.of(
            ErrorTag.MISSING_ELEMENT, "/test-top:top/item[name='x']/tag[.='a']", "m"), context)
            .path().orElseThrow().xpath());
        assertEquals("/t:top/t:item[t2:name='x']", Errors.of(ValidationError.of(
            ErrorTag.MISSING_ELEMENT, "/test-top:top/item[test-aug:name='x']", "m"), context)
            .path().orElseThrow().xpath());
    }

    @Test
    void keepsPathsOfUnknownModulesAsTheyAre() {
        final RpcError error = Errors.of(ValidationError.of(ErrorTag.UNKNOWN_ELEMENT, "/other:top/x", "unknown"),
            context);
        assertEquals(Optional.of(ErrorPath.of("/other:top/x")), error.path());
        assertEquals(List.of(ErrorInfo.badElement("x")), error.info());
    }

    @Test
    void omitsTheErrorPathOfAnErrorAboutNoNode() {
        final RpcError error = Errors.of(ValidationError.of(ErrorTag.OPERATION_FAILED, "", "storage"), context);
        assertEquals(Optional.empty(), error.path());
        assertEquals(ErrorSeverity.ERROR, error.severity());
        assertEquals(Optional.of(ErrorPath.of("/")), Errors.of(ValidationError.of(ErrorTag.DATA_MISSING, "/",
            "root"), context).path());
    }

    private static RpcError roundTrip(final RpcError error) throws MessageException {
        final RpcReply reply = (RpcReply) CODEC.decode(CODEC.encode(new RpcReply(Optional.empty(), Map.of(),
            new ReplyContent.Errors(List.of(error)))));
        return ((ReplyContent.Errors) reply.content()).errors().getFirst();
    }
}
