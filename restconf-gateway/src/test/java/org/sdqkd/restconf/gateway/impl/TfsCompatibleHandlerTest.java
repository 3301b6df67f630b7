package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinks;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkdn_capabilities.QkdnCapabilities;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PHYS;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.VIRT;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DatastoreName;

/**
 * The TeraFlowSDN-compatible mode: the requests of TeraFlowSDN's QKD driver ({@code Tools2.py},
 * {@code QKDDriver2.py}) as it sends them, and answers in the form it parses. Request bodies are the driver's own
 * text (bare names, {@code null} values); what the gateway stored is read back with the generated bindings.
 */
final class TfsCompatibleHandlerTest {
    private static final Uuid APP = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid LINK = new Uuid("7c5e2bd4-5a0b-4bd1-8fd0-2b6a0a52f0c1");
    private static final Uuid PEER = new Uuid("1a2b3c4d-0000-4000-8000-000000000002");
    private static final Uuid HOP = new Uuid("1a2b3c4d-0000-4000-8000-000000000003");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory, 1 << 20, true);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack 1", TestModels.app(APP, 5, "urn:sdqkd:sae:a")));
        final HttpResponse<String> put = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(node, List.of(), Encoding.JSON), Encoding.JSON);
        assertEquals(201, put.statusCode(), "standard requests work in the mode too: " + put.body());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void answersTheNodeWithATrailingSlashUnwrappedAndWithoutOneWrappedInItsBareName() {
        final NormalizedNode expected = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack 1", TestModels.app(APP, 5, "urn:sdqkd:sae:a")));
        final HttpResponse<String> slash = driverGet(TestModels.nodePath() + "/");
        assertEquals(200, slash.statusCode(), slash.body());
        assertEquals("application/json", slash.headers().firstValue("Content-Type").orElseThrow());
        final JsonObject unwrapped = JsonParser.parseString(slash.body()).getAsJsonObject();
        assertEquals(expected, parseQualified(unwrapped, QkdNode.QNAME), "fetch_node reads the members at the top");

        final HttpResponse<String> bare = driverGet(TestModels.nodePath());
        assertEquals(200, bare.statusCode(), bare.body());
        final JsonObject wrapped = JsonParser.parseString(bare.body()).getAsJsonObject();
        assertEquals(Set.of(QkdNode.QNAME.getLocalName()), wrapped.keySet(), "Connect reads 'qkd_node' from it");
        assertEquals(expected, parseQualified(wrapped.get(QkdNode.QNAME.getLocalName()), QkdNode.QNAME));
    }

    @Test
    void answersApplicationsWrappedInTheirBareName() {
        final HttpResponse<String> answer = driverGet(TestModels.nodePath() + "/"
            + QkdApplications.QNAME.getLocalName() + "/");
        assertEquals(200, answer.statusCode(), answer.body());
        final JsonObject json = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertEquals(Set.of(QkdApplications.QNAME.getLocalName()), json.keySet());
        final NormalizedNode applications = parseQualified(json.get(QkdApplications.QNAME.getLocalName()),
            QkdNode.QNAME, QkdApplications.QNAME);
        final QkdApplications decoded = TestModels.decode(DataObjectIdentifier.builder(QkdNode.class)
            .child(QkdApplications.class).build(), applications);
        assertEquals(Set.of(APP), decoded.nonnullQkdApp().values().stream().map(app -> app.getAppId())
            .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void answersAnEmptyContainerWithAnEmptyObject() {
        final String capabilities = QkdnCapabilities.QNAME.getLocalName();
        final HttpResponse<String> answer = driverGet(TestModels.nodePath() + "/" + capabilities + "/");
        assertEquals(200, answer.statusCode(), answer.body());
        final JsonObject expected = new JsonObject();
        expected.add(capabilities, new JsonObject());
        assertEquals(expected, JsonParser.parseString(answer.body()));
        final HttpResponse<String> unknown = driverGet(TestModels.nodePath() + "/nonexistent/");
        assertEquals(400, unknown.statusCode(), "unknown nodes are still refused: " + unknown.body());
        assertTrue(unknown.body().contains("unknown-element"), unknown.body());
    }

    @Test
    void acceptsABareFirstPathSegment() {
        final HttpResponse<String> answer = driverGet(QkdNode.QNAME.getLocalName() + "/");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(JsonParser.parseString(driverGet(TestModels.nodePath() + "/").body()),
            JsonParser.parseString(answer.body()));
    }

    @Test
    void postOfTheWrappedLinksCreatesThenUpdatesWithNullsLeftOut() {
        final String links = TestModels.nodePath() + "/" + QkdLinks.QNAME.getLocalName() + "/";
        HttpResponse<String> answer = driverPost(links, link("VIRT", PEER, "101"));
        assertEquals(201, answer.statusCode(), answer.body());
        QkdLink stored = storedLink();
        assertEquals(VIRT.VALUE, stored.getQkdlType());
        assertEquals(PEER, stored.getQkdlRemote().getQkdnId());
        assertEquals(Uint32.valueOf(101), stored.getQkdlRemote().getQkdiId());
        assertEquals(null, stored.getVirtPrevHop(), "the driver's null is an absent value");
        assertEquals(Set.of(HOP), stored.getVirtNextHop());

        answer = driverPost(links, link("PHYS", HOP, "102").replace(",\"virt_next_hop\":[\"" + HOP.getValue()
            + "\"]", ""));
        assertEquals(204, answer.statusCode(), "a re-POST of the same qkdl_id updates it: " + answer.body());
        stored = storedLink();
        assertEquals(PHYS.VALUE, stored.getQkdlType());
        assertEquals(HOP, stored.getQkdlRemote().getQkdnId());
        assertEquals(null, stored.getVirtNextHop(), "the entry is replaced, not merged");
    }

    @Test
    void badInputIsStillRefusedAndChangesNothing() {
        final String links = TestModels.nodePath() + "/" + QkdLinks.QNAME.getLocalName() + "/";
        final HttpResponse<String> malformed = driverPost(links, "{\"qkd_links\": ]");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("malformed-message"), malformed.body());
        final HttpResponse<String> badValue = driverPost(links, link("PHYS", PEER, "not-a-number"));
        assertEquals(400, badValue.statusCode(), badValue.body());
        assertTrue(badValue.body().contains("not-a-number"), "the error names the bad value: " + badValue.body());
        assertTrue(gateway.datastores().snapshot(DatastoreName.RUNNING).read(TestModels.path(
            DataObjectIdentifier.builder(QkdNode.class).child(QkdLinks.class).build())).isEmpty(),
            "nothing was created");
    }

    /** The body of the driver's create_connectivity_link, as it sends it. */
    private static String link(final String type, final Uuid remote, final String remoteInterface) {
        return """
            {"qkd_links":{"qkd_link":[{"qkdl_id":"%s","qkdl_type":"etsi-qkd-node-types:%s",\
            "qkdl_local":{"qkdn_id":"%s","qkdi_id":"100"},"qkdl_remote":{"qkdn_id":"%s","qkdi_id":"%s"},\
            "virt_prev_hop":null,"virt_next_hop":["%s"],"virt_bandwidth":null}]}}""".formatted(LINK.getValue(),
            type, TestModels.NODE_ID.getValue(), remote.getValue(), remoteInterface, HOP.getValue());
    }

    private QkdLink storedLink() {
        final DataObjectIdentifier<QkdLink> id = DataObjectIdentifier.builder(QkdNode.class).child(QkdLinks.class)
            .child(QkdLink.class, new QkdLinkKey(LINK)).build();
        return TestModels.decode(id, gateway.datastores().snapshot(DatastoreName.RUNNING)
            .read(TestModels.path(id)).orElseThrow());
    }

    /** GET as requests does it: {@code Accept: *}{@code /*}. */
    private HttpResponse<String> driverGet(final String apiPath) {
        return gateway.send("GET", gateway.data(apiPath), null, "Accept", "*/*");
    }

    /** POST as requests' {@code json=} does it. */
    private HttpResponse<String> driverPost(final String apiPath, final String body) {
        return gateway.send("POST", gateway.data(apiPath), body.getBytes(StandardCharsets.UTF_8),
            "Accept", "*/*", "Content-Type", "application/json");
    }

    /** A bare answer put back into RFC 7951 form and parsed by yangtools. */
    private static NormalizedNode parseQualified(final JsonElement value, final QName... path) {
        final JsonObject qualified = new JsonObject();
        qualified.add(TestModels.module() + ":" + path[path.length - 1].getLocalName(), value);
        return TestModels.parse(qualified.toString(), List.of(path), Encoding.JSON);
    }

}
