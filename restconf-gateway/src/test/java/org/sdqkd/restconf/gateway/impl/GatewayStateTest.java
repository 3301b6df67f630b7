package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.datastores.rev180214.Operational;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.datastores.rev180214.Running;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.module.set.parameters.Module;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.Datastore;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.ModuleSet;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Revision;

/**
 * The gateway's own state data: the RFC 8525 YANG library with a working location per module, and the capabilities of
 * {@code ietf-restconf-monitoring} (RFC 8040 sections 3.7 and 9.3).
 */
final class GatewayStateTest {
    private static final DataObjectIdentifier<YangLibrary> LIBRARY =
        DataObjectIdentifier.builder(YangLibrary.class).build();
    private static final DataObjectIdentifier<RestconfState> STATE =
        DataObjectIdentifier.builder(RestconfState.class).build();

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void yangLibraryListsEveryServedModuleWithALocationServingItsText(final Encoding encoding) {
        final YangLibrary library = library(encoding);
        final ModuleSet set = library.nonnullModuleSet().values().iterator().next();
        assertEquals(1, library.nonnullModuleSet().size());
        final String etsi = QkdNode.QNAME.getModule().namespace().toString();
        final Module node = set.nonnullModule().values().stream()
            .filter(module -> module.getNamespace().getValue().equals(etsi)).findFirst().orElseThrow();
        assertEquals(QkdNode.QNAME.getRevision().map(Revision::toString).orElseThrow(),
            node.getRevision().getValue());
        // every module of the served models is listed, with its namespace
        for (var module : TestModels.CONTEXT.getModules()) {
            assertTrue(set.nonnullModule().values().stream().anyMatch(listed -> listed.getName().getValue()
                .equals(module.getName()) && listed.getNamespace().getValue()
                .equals(module.getNamespace().toString())), module.getName() + " missing from " + set);
        }
        for (Module module : set.nonnullModule().values()) {
            final Set<Uri> locations = module.getLocation();
            assertEquals(1, locations.size(), module.toString());
            final HttpResponse<String> text = gateway.send("GET",
                URI.create(locations.iterator().next().getValue()), null);
            assertEquals(200, text.statusCode(), text.body());
            assertEquals(SchemaResource.MEDIA_TYPE, text.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(text.body().matches("(?s).*\\bmodule\\s+" + module.getName().getValue() + "\\s*\\{.*"),
                module.getName().getValue());
        }
        assertEquals(Set.of(Running.VALUE, Operational.VALUE), library.nonnullDatastore().values().stream()
            .map(Datastore::getName).collect(java.util.stream.Collectors.toSet()));
        assertFalse(library.getContentId().isEmpty());
    }

    @Test
    void locationsFollowTheAuthorityTheClientUsed() {
        final YangLibrary viaAddress = library(Encoding.JSON);
        final URI viaName = URI.create(gateway.data("ietf-yang-library:yang-library").toString()
            .replace("127.0.0.1", "localhost"));
        final HttpResponse<String> answer = gateway.send("GET", viaName, null);
        assertEquals(200, answer.statusCode(), answer.body());
        final YangLibrary library = TestModels.decode(LIBRARY, TestModels.parse(answer.body(),
            List.of(YangLibrary.QNAME), Encoding.JSON));
        final String location = library.nonnullModuleSet().values().iterator().next().nonnullModule().values()
            .iterator().next().getLocation().iterator().next().getValue();
        assertTrue(location.startsWith("http://localhost:" + gateway.root().getPort() + "/restconf/modules/"),
            location);
        assertEquals(viaAddress.getContentId(), library.getContentId());
    }

    @Test
    void unknownModulesAndRevisionsAnswer404() {
        HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.root() + "/modules/no-such-module"),
            null);
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("no module no-such-module"), answer.body());
        answer = gateway.send("GET", URI.create(gateway.root() + "/modules/etsi-qkd-sdn-node/1999-01-01"), null);
        assertEquals(404, answer.statusCode(), answer.body());
        answer = gateway.send("PUT", URI.create(gateway.root() + "/modules/etsi-qkd-sdn-node/2022-01-30"),
            new byte[0]);
        assertEquals(405, answer.statusCode(), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void monitoringAnnouncesOnlyWhatWorks(final Encoding encoding) {
        final HttpResponse<String> answer = gateway.get("ietf-restconf-monitoring:restconf-state", encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        final RestconfState state = TestModels.decode(STATE, TestModels.parse(answer.body(),
            List.of(RestconfState.QNAME), encoding));
        // a leaf-list ordered by the system: compared as a set
        assertEquals(Set.copyOf(Capabilities.announced(true)), state.getCapabilities().getCapability().stream()
            .map(Uri::getValue).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void stateDataCannotBeEdited() {
        final HttpResponse<String> answer = gateway.edit("DELETE", "ietf-yang-library:yang-library", null,
            Encoding.JSON);
        assertEquals(405, answer.statusCode(), answer.body());
    }

    @Test
    void theDatastoreRootHoldsTheLibraryBesideTheData() {
        final HttpResponse<String> answer = gateway.get("", Encoding.JSON);
        assertEquals(200, answer.statusCode(), answer.body());
        final QName library = YangLibrary.QNAME;
        assertTrue(answer.body().contains("\"ietf-yang-library:yang-library\""), answer.body());
        assertTrue(answer.body().contains("\"ietf-restconf-monitoring:restconf-state\""), answer.body());
        assertEquals("ietf-yang-library", TestModels.CONTEXT.findModule(library.getModule()).orElseThrow().getName());
    }

    private YangLibrary library(final Encoding encoding) {
        final HttpResponse<String> answer = gateway.get("ietf-yang-library:yang-library", encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        return TestModels.decode(LIBRARY, TestModels.parse(answer.body(), List.of(YangLibrary.QNAME), encoding));
    }
}
