package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code with-defaults=report-all-tagged} (RFC 8040 section 4.8.9, RFC 6243 section 3.4): every default reported and
 * tagged, in XML with the {@code wd:default} attribute and in JSON with RFC 7952 metadata, each answer read by a parser
 * the gateway does not use (Jackson, the JDK's DOM), and through curl. On the test model {@code defaults-test}
 * (src/test/resources/with-defaults): a leaf set to its default, one set to another value, one without default, a
 * leaf-list with defaults and one without, a list entry with and one without its defaulted leaf, an absent container
 * holding a default, and a leaf of another module.
 */
final class ReportAllTaggedTest {
    private static final String WD_NS = "urn:ietf:params:xml:ns:netconf:default:1.0";
    private static final String TAG = "ietf-netconf-with-defaults:default";
    private static final QNameModule MODULE = QNameModule.of(XMLNamespace.of("urn:sdqkd:test:defaults"),
        Revision.of("2026-12-07"));
    private static final QNameModule AUGMENT = QNameModule.of(XMLNamespace.of("urn:sdqkd:test:defaults-augment"),
        Revision.of("2026-12-07"));
    private static final EffectiveModelContext CONTEXT = context();
    private static final String SETTINGS = "defaults-test:settings";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() throws DatastoreException {
        gateway = new GatewayHarness(directory, CONTEXT);
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(YangInstanceIdentifier.of(qname("settings")), ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(qname("settings")))
                .withChild(ImmutableNodes.leafNode(qname("mode"), "auto"))
                .withChild(ImmutableNodes.leafNode(qname("retries"), Uint8.valueOf(5)))
                .withChild(ImmutableNodes.<String>newSystemLeafSetBuilder()
                    .withNodeIdentifier(new NodeIdentifier(qname("hosts")))
                    .withChild(ImmutableNodes.leafSetEntry(qname("hosts"), "h1")).build())
                .withChild(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(qname("server")))
                    .withChild(server("a", 831)).withChild(server("b", -1)).build())
                .build());
            tx.commit();
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void jsonTagsEveryDefaultWithMetadata() throws IOException {
        final JsonNode settings = json(get(SETTINGS, "with-defaults=report-all-tagged", Encoding.JSON))
            .get(SETTINGS);
        // set by a client to its default: reported and tagged
        assertEquals("auto", settings.get("mode").asText());
        assertTagged(settings.get("@mode"));
        // set to another value, or without default: not tagged
        assertEquals(5, settings.get("retries").asInt());
        assertFalse(settings.has("@retries"));
        assertFalse(settings.has("label"));
        assertEquals("[\"h1\"]", settings.get("hosts").toString());
        assertFalse(settings.has("@hosts"));
        // an absent leaf-list reported with its defaults, each entry tagged (RFC 7952 section 5.2.2)
        assertEquals("[\"info\",\"warn\"]", settings.get("levels").toString());
        assertEquals(2, settings.get("@levels").size());
        settings.get("@levels").forEach(ReportAllTaggedTest::assertTagged);
        // in list entries, and in an absent container
        final JsonNode servers = settings.get("server");
        assertEquals(2, servers.size());
        for (JsonNode server : servers) {
            if ("a".equals(server.get("name").asText())) {
                assertEquals(831, server.get("port").asInt());
                assertFalse(server.has("@port"));
            } else {
                assertEquals(830, server.get("port").asInt());
                assertTagged(server.get("@port"));
            }
            assertFalse(server.has("@name"));
        }
        assertEquals(100, settings.get("limits").get("rate").asInt());
        assertTagged(settings.get("limits").get("@rate"));
        // a leaf of another module: its member and its annotation's are module-qualified (RFC 7952 section 5.2.1)
        assertEquals("blue", settings.get("defaults-test-augment:colour").asText());
        assertTagged(settings.get("@defaults-test-augment:colour"));
        assertFalse(settings.has("colour"));
        assertFalse(settings.has("@colour"));
    }

    @Test
    void otherModesHaveNoAnnotations() throws IOException {
        for (String mode : List.of("report-all", "explicit", "trim")) {
            final String text = get(SETTINGS, "with-defaults=" + mode, Encoding.JSON);
            assertFalse(text.contains("@"), mode + ": " + text);
            assertFalse(text.contains(TAG), mode + ": " + text);
            assertFalse(get(SETTINGS, "with-defaults=" + mode, Encoding.XML).contains(WD_NS), mode);
        }
        final JsonNode all = json(get(SETTINGS, "with-defaults=report-all", Encoding.JSON)).get(SETTINGS);
        assertEquals("[\"info\",\"warn\"]", all.get("levels").toString(), "report-all reports leaf-list defaults");
    }

    @Test
    void xmlTagsEveryDefaultWithTheAttribute() throws IOException, SAXException, ParserConfigurationException {
        final String text = get(SETTINGS, "with-defaults=report-all-tagged", Encoding.XML);
        final Element root = dom(text);
        final Set<String> tagged = new TreeSet<>();
        final Set<String> untagged = new TreeSet<>();
        final NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            final Element element = (Element) all.item(i);
            final String name = element.getLocalName() + "=" + element.getTextContent();
            if (element.getElementsByTagNameNS("*", "*").getLength() > 0) {
                assertFalse(element.hasAttributeNS(WD_NS, "default"), name);
                continue;
            }
            if (element.hasAttributeNS(WD_NS, "default")) {
                assertEquals("true", element.getAttributeNS(WD_NS, "default"));
                tagged.add(name);
            } else {
                untagged.add(name);
            }
        }
        assertEquals(new TreeSet<>(List.of("colour=blue", "levels=info", "levels=warn", "mode=auto", "port=830",
            "rate=100")), tagged, text);
        assertEquals(new TreeSet<>(List.of("hosts=h1", "name=a", "name=b", "port=831", "retries=5")), untagged, text);
        assertEquals("urn:sdqkd:test:defaults-augment", ((Element) root.getElementsByTagNameNS("*", "colour").item(0))
            .getNamespaceURI());
    }

    @Test
    void aLeafTargetIsTaggedInBothEncodings() throws IOException, SAXException, ParserConfigurationException {
        final JsonNode leaf = json(get(SETTINGS + "/mode", "with-defaults=report-all-tagged", Encoding.JSON));
        assertEquals("auto", leaf.get("defaults-test:mode").asText());
        assertTagged(leaf.get("@defaults-test:mode"));
        final Element xml = dom(get(SETTINGS + "/mode", "with-defaults=report-all-tagged", Encoding.XML));
        assertEquals("mode", xml.getLocalName());
        assertEquals("true", xml.getAttributeNS(WD_NS, "default"));
        final JsonNode other = json(get(SETTINGS + "/retries", "with-defaults=report-all-tagged", Encoding.JSON));
        assertFalse(other.has("@defaults-test:retries"), other.toString());
    }

    @Test
    void fieldsAndDepthKeepTheTags() throws IOException {
        final JsonNode selected = json(get(SETTINGS, "with-defaults=report-all-tagged&fields=mode;retries;limits",
            Encoding.JSON)).get(SETTINGS);
        assertTagged(selected.get("@mode"));
        assertTagged(selected.get("limits").get("@rate"));
        assertFalse(selected.has("levels"));
        assertFalse(selected.has("@levels"));
        final JsonNode shallow = json(get(SETTINGS, "with-defaults=report-all-tagged&depth=2", Encoding.JSON))
            .get(SETTINGS);
        assertTagged(shallow.get("@mode"));
        assertTagged(shallow.get("@defaults-test-augment:colour"));
    }

    @Test
    void announcedInMonitoring() throws IOException {
        final JsonNode capabilities = json(get("ietf-restconf-monitoring:restconf-state/capabilities", "",
            Encoding.JSON));
        assertTrue(capabilities.toString().contains(Capabilities.WITH_DEFAULTS), capabilities.toString());
    }

    @Test
    @Tag("interop")
    void curlReadsTheTaggedAnswer() throws IOException, InterruptedException {
        assumeTrue(curlInstalled(), "curl is not installed");
        final Process curl = new ProcessBuilder("curl", "-s", "-f", "-H", "Accept: application/yang-data+json",
            gateway.data(SETTINGS) + "?with-defaults=report-all-tagged").start();
        final byte[] out = curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        final JsonNode settings = JSON.readTree(out).get(SETTINGS);
        assertTagged(settings.get("@mode"));
        assertTagged(settings.get("@levels").get(1));
    }

    private static void assertTagged(final JsonNode annotation) {
        assertTrue(annotation != null && annotation.isObject(), "an annotation object: " + annotation);
        assertEquals(1, annotation.size(), annotation.toString());
        assertTrue(annotation.get(TAG).isBoolean(), annotation.toString());
        assertTrue(annotation.get(TAG).booleanValue(), annotation.toString());
    }

    private String get(final String path, final String query, final Encoding encoding) {
        final HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.data(path)
            + (query.isEmpty() ? "" : "?" + query)), null, "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static JsonNode json(final String text) throws IOException {
        return JSON.readTree(text);
    }

    private static Element dom(final String text) throws IOException, SAXException, ParserConfigurationException {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    }

    private static QName qname(final String localName) {
        return QName.create(MODULE, localName);
    }

    private static MapEntryNode server(final String name, final int port) {
        final var entry = ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(qname("server"), qname("name"), name))
            .withChild(ImmutableNodes.leafNode(qname("name"), name));
        if (port >= 0) {
            entry.withChild(ImmutableNodes.leafNode(qname("port"), Uint16.valueOf(port)));
        }
        return entry.build();
    }

    private static boolean curlInstalled() {
        try {
            final Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static EffectiveModelContext context() {
        final List<YangModuleInfo> infos = new ArrayList<>(BindingRuntimeHelpers.loadModuleInfos());
        infos.add(model(QName.create(MODULE, "defaults-test"), "defaults-test@2026-12-07.yang"));
        infos.add(model(QName.create(AUGMENT, "defaults-test-augment"), "defaults-test-augment@2026-12-07.yang"));
        return BindingRuntimeHelpers.createEffectiveModel(infos);
    }

    private static YangModuleInfo model(final QName name, final String file) {
        return new YangModuleInfo() {
            @Override
            public QName getName() {
                return name;
            }

            @Override
            public InputStream openYangTextStream() throws IOException {
                final InputStream in = ReportAllTaggedTest.class.getResourceAsStream("/with-defaults/" + file);
                if (in == null) {
                    throw new IOException("the test model " + file + " is not on the class path");
                }
                return in;
            }
        };
    }
}
