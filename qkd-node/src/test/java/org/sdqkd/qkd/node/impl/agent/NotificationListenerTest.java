package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.BASE;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.await;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.text;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceNew;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceOut;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/** The bridge's notification listeners: each gets the notifications the NETCONF stream gets, until closed. */
@Timeout(60)
class NotificationListenerTest {
    private static final NodeBindings BINDINGS = NodeBindings.create();

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

    private static String newInterface(final int id) {
        return "<qkd_interfaces><qkd_interface><qkdi_id>" + id + "</qkdi_id><qkdi_att_point><device>ttyQKD" + id
            + "</device></qkdi_att_point></qkd_interface></qkd_interfaces>";
    }

    private static List<QName> names(final List<ContainerNode> bodies) {
        return bodies.stream().map(b -> b.name().getNodeType()).toList();
    }

    @Test
    void aListenerReceivesWhatTheNodePublishesUntilItsRegistrationIsClosed() throws Exception {
        final List<ContainerNode> received = new CopyOnWriteArrayList<>();
        final List<ContainerNode> second = new CopyOnWriteArrayList<>();
        final Registration registration = node.bridge.onNotification(received::add);
        try (Registration other = node.bridge.onNotification(second::add)) {
            node.edit(newInterface(2));
            node.awaitNotification("sdqkdn_interface_new", e -> text(e, "qkdi_id").equals(Optional.of("2")));
            await(() -> names(received).contains(SdqkdnInterfaceNew.QNAME), "the listener's sdqkdn_interface_new");
            final ContainerNode body = received.stream()
                .filter(b -> b.name().getNodeType().equals(SdqkdnInterfaceNew.QNAME)).findFirst().orElseThrow();
            // the body is the notification raised, as data of the model: written as XML, it fits the model
            final Element event = BINDINGS.element(body);
            AgentHarness.validateNotification(node.agent.agent().models(), event);
            assertEquals(Optional.of("2"), text(event, "qkdi_id"));
            await(() -> names(second).contains(SdqkdnInterfaceNew.QNAME), "the second listener's one");
        }

        registration.close();
        node.edit("<qkd_interfaces><qkd_interface xmlns:nc='" + BASE + "' nc:operation='delete'>"
            + "<qkdi_id>2</qkdi_id></qkd_interface></qkd_interfaces>");
        node.awaitNotification("sdqkdn_interface_out", e -> text(e, "qkdi_id").equals(Optional.of("2")));
        // the bridge's thread has finished publishing it once a task queued after it has run
        node.bridge.refreshNow();
        assertTrue(!names(received).contains(SdqkdnInterfaceOut.QNAME), "after close: " + names(received));
        assertTrue(!names(second).contains(SdqkdnInterfaceOut.QNAME), "after close: " + names(second));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorTheNetconfStream() throws Exception {
        final List<ContainerNode> received = new CopyOnWriteArrayList<>();
        try (Registration failing = node.bridge.onNotification(b -> {
                throw new IllegalStateException("listener failure (expected by the test)");
            });
            Registration working = node.bridge.onNotification(received::add)) {
            node.edit(newInterface(3));
            node.awaitNotification("sdqkdn_interface_new", e -> text(e, "qkdi_id").equals(Optional.of("3")));
            await(() -> names(received).contains(SdqkdnInterfaceNew.QNAME), "the working listener's notification");
        }
    }
}
