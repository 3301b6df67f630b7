package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/** The errors body's error-path in JSON. */
final class ErrorWriterTest {
    @Test
    @DisplayName("issue 15: a list entry's JSON error-path names the list once (RFC 7951 section 6.11)")
    void writesAListEntryStepOnce() throws IOException {
        final Uuid app = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ErrorWriter(ModelCodecs.of(TestModels.CONTEXT)).write(List.of(RestconfError.at(ErrorTag.DATA_MISSING,
            TestModels.path(TestModels.appId(app)), "gone")), Encoding.JSON, out);
        assertEquals("/etsi-qkd-sdn-node:qkd_node/qkd_applications/qkd_app[app_id='" + app.getValue() + "']",
            JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("ietf-restconf:errors").getAsJsonArray("error").get(0).getAsJsonObject()
                .get("error-path").getAsString());
    }
}
