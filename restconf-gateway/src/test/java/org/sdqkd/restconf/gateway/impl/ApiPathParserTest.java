package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;

/** API paths (RFC 8040 section 3.5.3) to data tree paths and back. */
final class ApiPathParserTest {
    private static final ModelCodecs CODECS = ModelCodecs.of(TestModels.CONTEXT);
    private static final Uuid APP = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");

    private final ApiPathParser parser = new ApiPathParser(CODECS);
    private final ApiPathFormatter formatter = new ApiPathFormatter(CODECS);

    @Test
    void listEntryPathEqualsTheBindingPath() throws RestconfException {
        final ApiPath path = parser.parse(TestModels.appPath(APP));
        assertEquals(TestModels.path(TestModels.appId(APP)), path.path());
        assertEquals(QkdApp.QNAME, path.schema().dataSchemaNode().getQName());
        assertEquals(TestModels.appPath(APP), formatter.format(path.path()), "formatting is the inverse");
    }

    @Test
    void theRootIsTheEmptyPath() throws RestconfException {
        assertTrue(parser.parse("").isRoot());
    }

    @Test
    void aRepeatedModulePrefixIsAccepted() throws RestconfException {
        final String module = TestModels.module();
        assertEquals(TestModels.path(TestModels.appId(APP)), parser.parse(TestModels.nodePath() + "/" + module + ":"
            + QkdApplications.QNAME.getLocalName() + "/" + QkdApp.QNAME.getLocalName() + "=" + APP.getValue())
            .path());
    }

    @Test
    void leafListValuesArePercentDecodedAndReEncoded() throws RestconfException {
        final String api = TestModels.appPath(APP) + "/client_app_id=urn:sdqkd:sae:a%2Fb%2Cc%3Dd%20%C3%A9";
        final ApiPath path = parser.parse(api);
        assertEquals("urn:sdqkd:sae:a/b,c=d \u00e9",
            ((NodeWithValue<?>) path.path().getLastPathArgument()).getValue());
        assertEquals(api, formatter.format(path.path()));
    }

    @Test
    void refusalsCarryTheirErrorTag() {
        assertTag(ErrorTag.INVALID_VALUE, QkdNode.QNAME.getLocalName());
        assertTag(ErrorTag.UNKNOWN_ELEMENT, "no-such-module:x");
        assertTag(ErrorTag.UNKNOWN_ELEMENT, TestModels.nodePath() + "/no_such_child");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.nodePath() + "=1");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.nodePath() + "/qkdn_id/below");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.appPath(APP) + ",second-key");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.nodePath() + "/qkd_applications/qkd_app=not-a-uuid");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.nodePath() + "/qkd_applications/qkd_app=%ZZ");
        assertTag(ErrorTag.INVALID_VALUE, TestModels.nodePath() + "/qkd_applications/qkd_app=%C3");
    }

    private void assertTag(final ErrorTag tag, final String api) {
        final RestconfException refused = assertThrows(RestconfException.class, () -> parser.parse(api), api);
        assertEquals(tag, refused.errors().getFirst().tag(), api + ": " + refused.getMessage());
        assertEquals(400, refused.status());
    }
}
