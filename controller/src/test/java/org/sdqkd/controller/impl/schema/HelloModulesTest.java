package org.sdqkd.controller.impl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.Revision;

/** The modules of a hello's capabilities. */
class HelloModulesTest {
    @Test
    void readsNameRevisionFeaturesAndDeviations() {
        final List<ModuleRef> modules = HelloModules.of(List.of(
            URI.create("urn:ietf:params:netconf:base:1.1"),
            URI.create("urn:ietf:params:xml:ns:yang:ietf-system?module=ietf-system&revision=2014-08-06"
                + "&features=ntp,timezone-name&deviations=vendor-dev"),
            URI.create("urn:example:plain?module=plain")));
        assertEquals(List.of(
            new ModuleRef("ietf-system", Optional.of(Revision.of("2014-08-06")),
                Optional.of(Set.of("ntp", "timezone-name"))),
            new ModuleRef("vendor-dev", Optional.empty(), Optional.empty()),
            new ModuleRef("plain", Optional.empty(), Optional.of(Set.of()))), modules);
    }

    @Test
    void ignoresABadRevisionAndCapabilitiesWithoutModule() {
        assertEquals(List.of(new ModuleRef("m", Optional.empty(), Optional.of(Set.of()))), HelloModules.of(List.of(
            URI.create("urn:x?module=m&revision=yesterday"),
            URI.create("urn:ietf:params:netconf:capability:xpath:1.0"))));
    }
}
