package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.testing.Replies.SSH_QKD;
import static org.sdqkd.netconf.server.testing.Replies.child;
import static org.sdqkd.netconf.server.testing.Replies.children;
import static org.sdqkd.netconf.server.testing.Replies.parse;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.kex.KexProposalOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import org.sdqkd.ssh.qkd.SshQkd;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.sdqkd.ssh.qkd.testing.InMemoryKms;
import org.w3c.dom.Element;

/**
 * Session monitoring of the SSH key exchange: the {@code ssh-key-exchange} augment of {@code sdqkd-ssh-qkd} in each
 * RFC 6022 {@code /netconf-state/sessions/session}, over a standard and a hybrid QKD connection, selected by subtree
 * and XPath filters, and valid against the agent's models.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateDataTest {
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    private static final String QKD_LEAVES_ABSENT = "no qkd leaves after a standard key exchange";

    @Test
    void standardSessionShowsTheMethodOnly() throws Exception {
        try (TestAgent agent = TestAgent.start();
                RawNetconf nc = RawNetconf.connect(agent.port(), TestAgent.USER, true)) {
            final String negotiated = nc.ssh().getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            final String reply = nc.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                + "'><sessions/></netconf-state></filter></get>");
            final Map<String, String> kex = keyExchange(reply, nc.sessionId());
            assertEquals(Map.of("method", negotiated), kex, QKD_LEAVES_ABSENT);
            assertValid(agent, reply);
        }
    }

    @Test
    void filtersSelectTheAugment() throws Exception {
        try (TestAgent agent = TestAgent.start();
                RawNetconf nc = RawNetconf.connect(agent.port(), TestAgent.USER, true)) {
            final String negotiated = nc.ssh().getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            // subtree: a content match on the session-id and a selection node in the augment's namespace
            final String subtree = nc.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                + "'><sessions><session><session-id>" + nc.sessionId() + "</session-id><ssh-key-exchange xmlns='"
                + SSH_QKD + "'/></session></sessions></netconf-state></filter></get>");
            final Element entry = onlySession(subtree);
            assertEquals(List.of("session-id", "ssh-key-exchange"), names(entry), subtree);
            assertEquals(Map.of("method", negotiated), leaves(child(entry, "ssh-key-exchange").orElseThrow()));
            // subtree: the augment's leaf alone
            final String method = nc.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                + "'><sessions><session><session-id>" + nc.sessionId() + "</session-id><ssh-key-exchange xmlns='"
                + SSH_QKD + "'><method/></ssh-key-exchange></session></sessions></netconf-state></filter></get>");
            assertEquals(Map.of("method", negotiated), keyExchange(method, nc.sessionId()));
            // XPath with prefixes of both modules
            final String xpath = nc.rpc("<get><filter type='xpath' xmlns:ncm='" + MONITORING + "' xmlns:kex='"
                + SSH_QKD + "' select=\"/ncm:netconf-state/ncm:sessions/ncm:session[ncm:session-id="
                + nc.sessionId() + "]/kex:ssh-key-exchange/kex:method\"/></get>");
            final Element xpathEntry = onlySession(xpath);
            assertEquals(List.of("session-id", "ssh-key-exchange"), names(xpathEntry), xpath);
            assertEquals(Map.of("method", negotiated), keyExchange(xpath, nc.sessionId()));
            // a subtree filter in another namespace selects nothing of it
            final String other = nc.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                + "'><sessions><session><ssh-key-exchange xmlns='urn:example:other'/></session></sessions>"
                + "</netconf-state></filter></get>");
            assertFalse(other.contains("ssh-key-exchange"), other);
        }
    }

    @Test
    void hybridSessionShowsTheQkdKeyAndItsReKey() throws Exception {
        final InMemoryKms kms = new InMemoryKms();
        final ServerQkd serverQkd = new ServerQkd(SshQkdSettings.of(KexPolicy.REQUIRED)
            .withPeers(Set.of("sae-client")), kms.source("sae-agent"));
        final ClientQkd clientQkd = new ClientQkd(SshQkdSettings.of(KexPolicy.REQUIRED), kms.source("sae-client"),
            "sae-agent");
        try (TestAgent agent = TestAgent.start(s -> s.withSsh(s.ssh().withQkd(serverQkd)));
                RawNetconf nc = RawNetconf.connectHybrid(agent.port(), TestAgent.USER, clientQkd)) {
            final String negotiated = nc.ssh().getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            final QkdExchange first = SshQkd.lastExchange(nc.ssh()).orElseThrow();
            assertEquals(first.method().sshName(), negotiated);
            assertEquals(1, first.number());

            final String reply = nc.rpc(sessions());
            final Map<String, String> kex = keyExchange(reply, nc.sessionId());
            assertEquals(List.of("method", "qkd-key-id", "qkd-peer-sae-id", "qkd-key-exchanges",
                "last-qkd-key-exchange"), List.copyOf(kex.keySet()), reply);
            assertEquals(negotiated, kex.get("method"));
            assertEquals(first.keyId().toString(), kex.get("qkd-key-id"));
            assertEquals("sae-client", kex.get("qkd-peer-sae-id"));
            assertEquals("1", kex.get("qkd-key-exchanges"));
            OffsetDateTime.parse(kex.get("last-qkd-key-exchange"));
            assertValid(agent, reply);

            assertTrue(nc.ssh().reExchangeKeys().verify(RawNetconf.TIMEOUT).isDone());
            final QkdExchange second = SshQkd.lastExchange(nc.ssh()).orElseThrow();
            assertEquals(2, second.number());
            final String rekeyed = nc.rpc(sessions());
            final Map<String, String> after = keyExchange(rekeyed, nc.sessionId());
            assertEquals(second.keyId().toString(), after.get("qkd-key-id"));
            assertNotEquals(kex.get("qkd-key-id"), after.get("qkd-key-id"), "a re-key takes a new QKD key");
            assertEquals("2", after.get("qkd-key-exchanges"));
            assertEquals(negotiated, after.get("method"), "the method is fixed for the connection");
            assertFalse(OffsetDateTime.parse(after.get("last-qkd-key-exchange"))
                .isBefore(OffsetDateTime.parse(kex.get("last-qkd-key-exchange"))), rekeyed);
            assertValid(agent, rekeyed);
        }
    }

    @Test
    void monitoringModulesAreAdvertised() throws Exception {
        try (TestAgent agent = TestAgent.start();
                RawNetconf nc = RawNetconf.connect(agent.port(), TestAgent.USER, true)) {
            final List<String> capabilities = nc.serverHello().capabilities().stream().map(Object::toString)
                .toList();
            assertTrue(capabilities.stream().anyMatch(c -> c.startsWith(MONITORING + "?")), capabilities::toString);
            final String library = nc.rpc("<get><filter type='subtree'><yang-library xmlns='"
                + "urn:ietf:params:xml:ns:yang:ietf-yang-library'><module-set><module><name/><revision/></module>"
                + "</module-set></yang-library></filter></get>");
            assertTrue(library.contains("<name>ietf-netconf-monitoring</name>"), library);
            assertTrue(library.contains("<name>sdqkd-ssh-qkd</name>"), library);
        }
    }

    /** A get of every session's monitoring entry. */
    private static String sessions() {
        return "<get><filter type='subtree'><netconf-state xmlns='" + MONITORING + "'><sessions/></netconf-state>"
            + "</filter></get>";
    }

    /** The leaves of the {@code ssh-key-exchange} of one session in a reply, in document order. */
    private static Map<String, String> keyExchange(final String reply, final long sessionId) {
        final Element sessions = child(netconfState(reply), "sessions").orElseThrow();
        final Element entry = children(sessions).stream()
            .filter(s -> Long.toString(sessionId).equals(child(s, "session-id").orElseThrow().getTextContent()))
            .findFirst().orElseThrow(() -> new AssertionError("no session " + sessionId + " in " + reply));
        final List<Element> kex = children(entry).stream()
            .filter(e -> "ssh-key-exchange".equals(e.getLocalName())).toList();
        assertEquals(1, kex.size(), reply);
        assertEquals(SSH_QKD, kex.getFirst().getNamespaceURI(), reply);
        return leaves(kex.getFirst());
    }

    private static Map<String, String> leaves(final Element container) {
        final Map<String, String> leaves = new LinkedHashMap<>();
        for (Element leaf : children(container)) {
            assertEquals(SSH_QKD, leaf.getNamespaceURI());
            leaves.put(leaf.getLocalName(), leaf.getTextContent());
        }
        return leaves;
    }

    private static Element netconfState(final String reply) {
        return child(child(parse(reply), "data").orElseThrow(() -> new AssertionError(reply)), "netconf-state")
            .orElseThrow(() -> new AssertionError(reply));
    }

    private static Element onlySession(final String reply) {
        final List<Element> entries = children(child(netconfState(reply), "sessions").orElseThrow());
        assertEquals(1, entries.size(), reply);
        return entries.getFirst();
    }

    private static List<String> names(final Element element) {
        return children(element).stream().map(Element::getLocalName).toList();
    }

    /** Reads the reply's netconf-state with the agent's models: types (uuid, date-and-time, counter32) checked. */
    private static void assertValid(final TestAgent agent, final String reply)
            throws IOException, DocumentException {
        final String state = XmlElement.of(netconfState(reply)).toString();
        final ContainerNode root = YangModels.documentCodec(agent.agent().models())
            .read(new StringReader(state), DocumentFormat.XML);
        assertEquals(1, root.body().size(), state);
    }
}
