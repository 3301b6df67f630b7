package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.testing.Replies.child;
import static org.sdqkd.netconf.server.testing.Replies.children;
import static org.sdqkd.netconf.server.testing.Replies.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.ServedSchemas;
import org.sdqkd.netconf.server.testing.ServedSchemas.Schema;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.w3c.dom.Element;

/**
 * Every module the agent's hello announces has its source served by get-schema and listed in
 * {@code /netconf-state/schemas} and the YANG library, as a client that builds its schema from the device
 * (OpenDaylight's NETCONF connector) needs: a module it cannot fetch is an unavailable capability there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModuleSourcesTest {
    private static final String LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";
    private static final Schema NOTIFICATIONS = new Schema("notifications", "2008-07-14",
        "urn:ietf:params:xml:ns:netconf:notification:1.0");
    private static final Schema NC_NOTIFICATIONS = new Schema("nc-notifications", "2008-07-14",
        "urn:ietf:params:xml:ns:netmod:notification");

    /** The modules a protocol capability implies (RFC 5277, RFC 6243, RFC 8525, RFC 6022). */
    private static final Map<String, List<String>> IMPLIED = Map.of(
        "urn:ietf:params:netconf:capability:notification:1.0", List.of("notifications", "nc-notifications"),
        "urn:ietf:params:netconf:capability:with-defaults:1.0", List.of("ietf-netconf-with-defaults"),
        "urn:ietf:params:netconf:capability:yang-library:", List.of("ietf-yang-library"),
        "urn:ietf:params:netconf:base:1.", List.of("ietf-netconf", "ietf-netconf-monitoring"));

    private static TestAgent agent;
    private static RawNetconf nc;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start();
        nc = RawNetconf.connect(agent.port(), TestAgent.USER, true);
    }

    @AfterAll
    static void stopAgent() {
        nc.close();
        agent.close();
    }

    @Test
    void everyAnnouncedModuleIsServedAndParsesAsItself() throws Exception {
        final Set<Schema> announced = ServedSchemas.moduleCapabilities(nc.serverHello().capabilities());
        assertTrue(announced.size() > 10, announced::toString);
        final Set<Schema> listed = ServedSchemas.listed(nc);
        final Map<Schema, String> texts = new LinkedHashMap<>();
        for (Schema schema : listed) {
            final String text = ServedSchemas.text(nc, schema)
                .orElseThrow(() -> new AssertionError("get-schema refused " + schema + ", which schemas lists"));
            final SourceIdentifier declared = ServedSchemas.declared(text);
            assertEquals(schema.name(), declared.name().getLocalName(), text);
            assertEquals(schema.revision(), Optional.ofNullable(declared.revision()).map(Revision::toString)
                .orElse(""), schema::toString);
            texts.put(schema, text);
        }
        for (Schema module : announced) {
            assertTrue(listed.contains(module), () -> module + " is announced but not in netconf-state/schemas");
        }
        // the modules a client assumes from the protocol capabilities (OpenDaylight's connector adds them itself)
        final Set<String> names = announced.stream().map(Schema::name).collect(Collectors.toSet());
        IMPLIED.forEach((capability, modules) -> {
            if (nc.serverHello().capabilities().stream().anyMatch(c -> c.toString().startsWith(capability))) {
                assertTrue(names.containsAll(modules), () -> capability + " implies " + modules);
            }
        });
        // what a client builds from the fetched sources alone: every import and include is among them
        final EffectiveModelContext context = ServedSchemas.parseAll(texts);
        for (Schema module : announced) {
            final Module parsed = context.findModule(module.name(), module.revision().isEmpty() ? Optional.empty()
                : Optional.of(Revision.of(module.revision()))).orElseThrow(() -> new AssertionError(module
                    + " is not in the model built from the served sources"));
            assertEquals(XMLNamespace.of(module.namespace()), parsed.getNamespace(), module::toString);
        }
        assertEquals(announced, context.getModules().stream()
            .map(m -> new Schema(m.getName(), m.getRevision().map(Revision::toString).orElse(""),
                m.getNamespace().toString()))
            .collect(Collectors.toSet()), "the served sources define exactly the announced modules");
    }

    @Test
    @DisplayName("issue 15: RFC 5277's notifications and nc-notifications are announced, listed and served")
    void servesTheNotificationModules() throws Exception {
        final Set<Schema> announced = ServedSchemas.moduleCapabilities(nc.serverHello().capabilities());
        assertTrue(announced.containsAll(List.of(NOTIFICATIONS, NC_NOTIFICATIONS)), announced::toString);
        assertTrue(ServedSchemas.listed(nc).containsAll(List.of(NOTIFICATIONS, NC_NOTIFICATIONS)));
        for (Schema schema : List.of(NOTIFICATIONS, NC_NOTIFICATIONS)) {
            final String text = ServedSchemas.text(nc, schema).orElseThrow();
            assertEquals(schema.name(), ServedSchemas.declared(text).name().getLocalName());
            // get-schema without a version gives the same (the only) revision
            assertEquals(Optional.of(text), ServedSchemas.text(nc, new Schema(schema.name(), "", "")));
        }
        final String reply = nc.rpc("<get><filter type='subtree'><yang-library xmlns='" + LIBRARY + "'/></filter>"
            + "</get>");
        final Element set = child(child(child(parse(reply), "data").orElseThrow(), "yang-library").orElseThrow(),
            "module-set").orElseThrow();
        final Set<String> library = children(set).stream().filter(e -> "module".equals(e.getLocalName()))
            .map(e -> child(e, "name").orElseThrow().getTextContent() + "@"
                + child(e, "revision").map(Element::getTextContent).orElse(""))
            .collect(Collectors.toSet());
        assertTrue(library.containsAll(List.of("notifications@2008-07-14", "nc-notifications@2008-07-14")),
            library::toString);
    }

    @Test
    void listsTheNetconfEventStream() throws Exception {
        // RFC 5277 section 3.2.5.1: nc-notifications' /netconf/streams, now that the agent announces the module
        final String reply = nc.rpc("<get><filter type='subtree'><netconf xmlns='" + NC_NOTIFICATIONS.namespace()
            + "'/></filter></get>");
        final Element streams = child(child(child(parse(reply), "data").orElseThrow(), "netconf").orElseThrow(),
            "streams").orElseThrow();
        final List<Element> entries = children(streams);
        assertEquals(1, entries.size(), reply);
        assertEquals("NETCONF", child(entries.getFirst(), "name").orElseThrow().getTextContent());
        assertEquals("false", child(entries.getFirst(), "replaySupport").orElseThrow().getTextContent());
        assertTrue(child(entries.getFirst(), "description").isPresent(), reply);
    }
}
