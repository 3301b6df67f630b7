package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.BASE;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.REMOTE;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.SELF;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.await;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.linkEntry;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.RateSource;
import org.w3c.dom.Element;

@Timeout(60)
class NodeAgentTest {
    static final UUID LINK = UUID.fromString("d67b82c3-a30d-4bf7-af6a-364fbf7ae968");
    static final UUID LINK2 = UUID.fromString("d0134332-3eb3-4711-82cf-92b4872d2ff0");
    static final UUID VIRT = UUID.fromString("5f9d7c0d-d3ac-4aaf-be6f-9b125f8cf83f");
    static final UUID APP = UUID.fromString("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    static final String LISTEN_FIXED = "<sn:channel><sn:listen><sn:port>0</sn:port></sn:listen></sn:channel>"
        + "<sn:rate><sn:skr>50000</sn:skr></sn:rate><sn:qber-threshold>0.05</sn:qber-threshold>";
    static final String INTERFACE = "<qkd_interfaces><qkd_interface><qkdi_id>1</qkdi_id>"
        + "<qkdi_type>etsi-qkdn-types:DV-QKD</qkdi_type></qkd_interface></qkd_interfaces>";

    @TempDir
    Path dir;
    private AgentHarness node;

    @BeforeEach
    void start() throws Exception {
        node = AgentHarness.start(dir);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static String physLink(final UUID id, final String emulation) {
        return "<qkd_links><qkd_link><qkdl_id>" + id + "</qkdl_id>"
            + "<qkdl_local><qkdn_id>" + SELF + "</qkdn_id><qkdi_id>1</qkdi_id></qkdl_local>"
            + "<qkdl_remote><qkdn_id>" + REMOTE + "</qkdn_id><qkdi_id>1</qkdi_id></qkdl_remote>"
            + "<qkdl_type>etsi-qkdn-types:PHYS</qkdl_type><sn:emulation>" + emulation + "</sn:emulation>"
            + "</qkd_link></qkd_links>";
    }

    static String app(final UUID id, final int priority, final String extra) {
        return "<qkd_applications><qkd_app><app_id>" + id + "</app_id><app_type>etsi-qkdn-types:CLIENT</app_type>"
            + "<server_app_id>urn:sdqkd:sae:sae-almagro</server_app_id><client_app_id>sae-norte</client_app_id>"
            + "<app_priority>" + priority + "</app_priority><app_qos><max_bandwidth>1024</max_bandwidth></app_qos>"
            + "<backing_qkdl_id>" + LINK + "</backing_qkdl_id><remote_qkdn_id>" + REMOTE + "</remote_qkdn_id>"
            + extra + "</qkd_app></qkd_applications>";
    }

    private static String status(final Element entry, final String leaf) {
        return AgentHarness.identityName(text(entry, leaf).orElse("(none)"));
    }

    private static Element performance(final Element link) {
        return AgentHarness.child(link, "qkdl_performance");
    }

    private Element awaitLink(final UUID link, final String leaf, final String value) throws InterruptedException {
        final Element[] found = new Element[1];
        await(() -> {
            try {
                found[0] = node.getQkdNode();
                return text(linkEntry(found[0], link), leaf).map(AgentHarness::identityName).filter(value::equals)
                    .isPresent();
            } catch (Exception | AssertionError e) {
                return false;
            }
        }, leaf + " " + value + " of link " + link);
        return found[0];
    }

    @Test
    void editConfigGivesThePlaneTheLinkAndTheApplication() throws Exception {
        node.edit(INTERFACE + app(APP, 5, "") + physLink(LINK, LISTEN_FIXED));
        await(() -> node.plane.link(LINK).isPresent() && !node.plane.lastApps().isEmpty(), "the link and the app");
        assertEquals(new LinkSpec(LINK, true, REMOTE, new LinkChannel.Listen("127.0.0.1", 0),
            new RateSource.Fixed(50_000), 0.02, 0.05, 100_000, LinkSpec.Fault.NONE, OptionalDouble.empty()),
            node.plane.link(LINK).orElseThrow());
        assertEquals(List.of(new AppSpec(APP, "sae-almagro", Set.of("sae-norte"), List.of(LINK), Optional.of(REMOTE),
            Optional.empty())), node.plane.lastApps());

        node.edit(physLink(LINK, "<sn:fault>link-down</sn:fault><sn:injected-qber>0.2</sn:injected-qber>"));
        await(() -> node.plane.link(LINK).map(LinkSpec::fault).orElse(null) == LinkSpec.Fault.LINK_DOWN,
            "the fault at the plane");
        assertEquals(OptionalDouble.of(0.2), node.plane.link(LINK).orElseThrow().injectedQber());
    }

    @Test
    void whenStatementsRefusePhysLeavesAndEmulationOnVirtualLinks() throws Exception {
        final String virt = "<qkd_links><qkd_link><qkdl_id>" + VIRT + "</qkdl_id>"
            + "<qkdl_type>etsi-qkdn-types:VIRT</qkdl_type>%s</qkd_link></qkd_links>";
        for (String extra : List.of("<phys_wavelength>35</phys_wavelength>",
                "<sn:emulation>" + LISTEN_FIXED + "</sn:emulation>")) {
            final ExecutionException refused = assertThrows(ExecutionException.class,
                () -> node.edit(virt.formatted(extra)), extra);
            final NetconfRpcException error = assertInstanceOf(NetconfRpcException.class, refused.getCause());
            assertFalse(error.errors().isEmpty());
        }
        node.edit(virt.formatted(""));
        final Element state = awaitLink(VIRT, "qkdl_status", "PENDING");
        assertEquals("PENDING", status(linkEntry(state, VIRT), "qkdl_status"));
        assertTrue(node.plane.link(VIRT).isEmpty(), "a VIRT link is not given to the key plane");
    }

    @Test
    void getShowsLiveOperationalStateThatFollowsThePlane() throws Exception {
        final FakeKeyPlane.Script script = node.plane.script(LINK);
        script.storedKeys = 42;
        script.bitsGenerated = 10_752;
        node.edit(INTERFACE + app(APP, 5, "") + physLink(LINK, LISTEN_FIXED));
        Element state = awaitLink(LINK, "qkdl_status", "ACTIVE");
        Element link = linkEntry(state, LINK);
        assertEquals(Optional.of("50000"), text(performance(link), "skr"));
        assertEquals(Optional.of("50000"), text(performance(link), "eskr"));
        assertEquals(Optional.of("0.02"), text(link, "value").map(v -> v.replaceAll("0+$", "")));
        assertEquals(Optional.of("42"), text(link, "stored-keys"));
        assertEquals(Optional.of("10752"), text(link, "bits-generated"));
        assertEquals(Optional.of("up"), text(link, "condition"));
        assertEquals(Optional.of("7001"), text(link, "listen-port"));
        assertEquals("OPERATING", status(state, "qkdn_status"));
        assertEquals("ON", status(AgentHarness.entry(state, "qkd_app", "app_id", APP.toString()), "app_status"));
        assertEquals("ENABLED", status(AgentHarness.entry(state, "qkd_interface", "qkdi_id", "1"), "qkdi_status"));

        script.storedKeys = 7;
        script.condition = LinkState.Condition.DOWN;
        script.reason = "fibre cut at the remote end";
        state = awaitLink(LINK, "qkdl_status", "OFF");
        link = linkEntry(state, LINK);
        assertEquals(Optional.of("0"), text(performance(link), "skr"));
        assertEquals(Optional.of("7"), text(link, "stored-keys"));
        assertEquals(Optional.of("fibre cut at the remote end"), text(link, "reason"));
        assertEquals("DOWN", status(state, "qkdn_status"));
        assertEquals("FAILED", status(AgentHarness.entry(state, "qkd_interface", "qkdi_id", "1"), "qkdi_status"));
    }

    @Test
    void notificationsReachASubscribedSession() throws Exception {
        node.edit(INTERFACE + physLink(LINK, LISTEN_FIXED));
        awaitLink(LINK, "qkdl_status", "ACTIVE");

        node.edit(app(APP, 5, ""));
        Element event = node.awaitNotification("sdqkdn_application_new", e -> true);
        assertEquals(Optional.of("urn:sdqkd:sae:sae-almagro"), text(event, "server_app_id"));
        assertEquals(Optional.of(SELF.toString()), text(event, "local_qkdn_id"));

        node.edit(app(APP, 9, ""));
        event = node.awaitNotification("sdqkdn_application_qos_update", e -> true);
        assertEquals(Optional.of("9"), text(event, "app_priority"));

        node.plane.script(LINK).skr = 20_000L;
        event = node.awaitNotification("sdqkdn_link_perf_update", e -> text(e, "skr").equals(Optional.of("20000")));
        assertEquals(Optional.of(LINK.toString()), text(event, "qkdl_id"));

        node.plane.script(LINK).refusals = 3;
        node.awaitNotification("sdqkdn_link_overloaded", e -> text(e, "qkdl_id").equals(Optional.of(LINK.toString())));

        node.edit(physLink(LINK, "<sn:injected-qber>0.2</sn:injected-qber>"));
        event = node.awaitNotification("alarm", e -> text(e, "message").orElse("").startsWith("QBER"));
        assertEquals("MAJOR", AgentHarness.identityName(text(event, "severity").orElseThrow()));
        assertEquals("PASSIVE", AgentHarness.identityName(text(event, "qkdl_status").orElseThrow()));

        node.edit(physLink(LINK, "<sn:injected-qber xmlns:nc='" + BASE + "' nc:operation='remove'/>"
            + "<sn:fault>link-down</sn:fault>"));
        event = node.awaitNotification("sdqkdn_link_down", e -> true);
        assertEquals(Optional.of(LINK.toString()), text(event, "qkdl_id"));
        assertTrue(text(event, "reason").isPresent());
        node.awaitNotification("alarm", e -> text(e, "message").orElse("").startsWith("link down"));
        node.awaitNotification("sdqkdn_interface_down", e -> text(e, "qkdi_id").equals(Optional.of("1")));

        node.edit(physLink(LINK, "<sn:fault>none</sn:fault>"));
        event = node.awaitNotification("event", e -> text(e, "qkdl_id").isPresent());
        assertEquals("MINOR", AgentHarness.identityName(text(event, "severity").orElseThrow()));
        assertEquals("ACTIVE", AgentHarness.identityName(text(event, "qkdl_status").orElseThrow()));

        node.edit("<qkd_interfaces><qkd_interface><qkdi_id>2</qkdi_id><qkdi_att_point><device>ttyQKD2</device>"
            + "</qkdi_att_point></qkd_interface></qkd_interfaces>");
        node.awaitNotification("sdqkdn_interface_new", e -> text(e, "qkdi_id").equals(Optional.of("2")));
        node.edit("<qkd_interfaces><qkd_interface xmlns:nc='" + BASE + "' nc:operation='delete'>"
            + "<qkdi_id>2</qkdi_id></qkd_interface></qkd_interfaces>");
        node.awaitNotification("sdqkdn_interface_out", e -> text(e, "qkdi_id").equals(Optional.of("2")));

        node.edit("<qkd_applications><qkd_app xmlns:nc='" + BASE + "' nc:operation='delete'><app_id>" + APP
            + "</app_id></qkd_app></qkd_applications>");
        event = node.awaitNotification("sdqkdn_application_disconnected", e -> true);
        assertEquals(Optional.of(APP.toString()), text(event, "app_id"));
    }

    @Test
    void unreadableTraceReportsTheLinkOffWithAnAlarmAndTheRestApplies() throws Exception {
        Files.writeString(dir.resolve("good.csv"), "# test\nseconds,skr_bps,qber\n0,1000,0.01\n5,2000,0.02\n");
        final String links = physLink(LINK, "<sn:channel><sn:listen/></sn:channel>"
            + "<sn:rate><sn:file>missing.csv</sn:file></sn:rate>")
            .replace("</qkd_links>", "") + physLink(LINK2, "<sn:channel><sn:connect><sn:host>127.0.0.1</sn:host>"
            + "<sn:port>7002</sn:port></sn:connect></sn:channel><sn:rate><sn:file>good.csv</sn:file>"
            + "<sn:loop>false</sn:loop></sn:rate>").replace("<qkd_links>", "");
        node.edit(links);
        await(() -> node.plane.link(LINK2).isPresent(), "the readable link at the plane");
        assertTrue(node.plane.link(LINK).isEmpty(), "the link whose trace cannot be read is not applied");
        final LinkSpec good = node.plane.link(LINK2).orElseThrow();
        assertEquals(new LinkChannel.Connect("127.0.0.1", 7002), good.channel());
        final RateSource.Trace trace = assertInstanceOf(RateSource.Trace.class, good.rate());
        assertFalse(trace.loop());
        assertEquals(2, trace.points().size());

        final Element state = awaitLink(LINK, "qkdl_status", "OFF");
        final Element link = linkEntry(state, LINK);
        assertEquals(Optional.of("down"), text(link, "condition"));
        assertTrue(text(link, "reason").orElse("").contains("missing.csv"), link.getTextContent());
        node.awaitNotification("alarm", e -> text(e, "qkdl_id").equals(Optional.of(LINK.toString()))
            && text(e, "message").orElse("").contains("missing.csv"));
    }

    @Test
    void applicationStatisticsCountConsumedBitsAndExpiryDisconnects() throws Exception {
        final Instant expiry = Instant.now().plusSeconds(2);
        node.edit(physLink(LINK, LISTEN_FIXED) + app(APP, 5, "<expiration_time>" + expiry + "</expiration_time>"));
        await(() -> !node.plane.lastApps().isEmpty(), "the app at the plane");
        assertEquals(Optional.of(expiry), node.plane.lastApps().getFirst().expiration());
        node.plane.usage(APP, 16, 4096);
        await(() -> {
            try {
                final Element app = AgentHarness.entry(node.getQkdNode(), "qkd_app", "app_id", APP.toString());
                return app.getTextContent().contains("4096");
            } catch (Exception | AssertionError e) {
                return false;
            }
        }, "a statistics entry with the 4096 bits consumed");
        final Element app = AgentHarness.entry(node.getQkdNode(), "qkd_app", "app_id", APP.toString());
        assertTrue(text(app, "creation_time").isPresent());
        assertTrue(text(app, "start_time").isPresent());

        node.awaitNotification("sdqkdn_application_disconnected",
            e -> text(e, "app_id").equals(Optional.of(APP.toString())));
        assertEquals("OUT-OF-TIME", status(AgentHarness.entry(node.getQkdNode(), "qkd_app", "app_id",
            APP.toString()), "app_status"));
    }
}
