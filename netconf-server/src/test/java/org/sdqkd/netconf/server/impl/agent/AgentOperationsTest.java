package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.testing.Replies.GET_CANDIDATE;
import static org.sdqkd.netconf.server.testing.Replies.GET_RUNNING;
import static org.sdqkd.netconf.server.testing.Replies.SSH_QKD;
import static org.sdqkd.netconf.server.testing.Replies.assertOk;
import static org.sdqkd.netconf.server.testing.Replies.child;
import static org.sdqkd.netconf.server.testing.Replies.children;
import static org.sdqkd.netconf.server.testing.Replies.data;
import static org.sdqkd.netconf.server.testing.Replies.editConfig;
import static org.sdqkd.netconf.server.testing.Replies.error;
import static org.sdqkd.netconf.server.testing.Replies.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.Replies;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.w3c.dom.Element;

/**
 * Every operation of the agent on its happy path and its main errors, with the error-type, error-tag, error-path
 * and bad-element of RFC 6241 appendix A.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentOperationsTest {
    private static final String NETWORK = "urn:sdqkd:yang:sdqkd-network";
    private static final String NC = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    private static final String WITH_DEFAULTS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";
    private static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";
    private static final String DS = "urn:ietf:params:xml:ns:yang:ietf-datastores";
    private static final String LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";
    private static final String NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    private static final String NODE_1 = "b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23";
    private static final String NODE_2 = "c127b8fa-208c-451e-9f8c-3fd1e5108200";

    /** The configuration every test starts from. */
    private static final String BASE_CONFIG = "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy>"
        + "<peer><sae-id>a</sae-id><description>alpha</description></peer>"
        + "<peer><sae-id>b</sae-id><description>beta</description></peer>"
        + "<peer><sae-id>c</sae-id></peer>"
        + "<rekey><max-time>3600</max-time></rekey></ssh-qkd>"
        + "<network xmlns='" + NETWORK + "'>" + node(NODE_1, "Almagro", "sae-almagro")
        + node(NODE_2, "Norte", "sae-norte") + "</network>";

    private static TestAgent agent;
    private static RawNetconf nc;
    private static RawNetconf other;

    private static String node(final String id, final String name, final String sae) {
        return "<node><node-id>" + id + "</node-id><name>" + name + "</name><netconf><host>127.0.0.1</host>"
            + "<username>sdqkd</username></netconf><kme><kme-id>kme-" + name + "</kme-id>"
            + "<url>https://127.0.0.1:8441</url></kme><sae-id>" + sae + "</sae-id></node>";
    }

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start();
        nc = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        other = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, false);
    }

    @AfterAll
    static void stopAgent() {
        other.close();
        nc.close();
        agent.close();
    }

    @BeforeEach
    void baseConfiguration() throws IOException {
        assertOk(nc.rpc("<edit-config><target><running/></target><default-operation>replace</default-operation>"
            + "<config>" + BASE_CONFIG + "</config></edit-config>"));
        assertOk(nc.rpc("<discard-changes/>"));
        assertOk(nc.rpc("<copy-config><target><startup/></target><source><running/></source></copy-config>"));
    }

    private static String getConfig(final String filter) throws IOException {
        return nc.rpc("<get-config><source><running/></source>" + filter + "</get-config>");
    }

    private static String subtree(final String content) {
        return "<filter type='subtree'>" + content + "</filter>";
    }

    /** The sae-ids of the peers in a reply, in order. */
    private static List<String> peers(final String reply) {
        final Element data = child(parse(reply), "data").orElseThrow();
        return child(data, "ssh-qkd").map(s -> children(s).stream()
            .filter(e -> "peer".equals(e.getLocalName()))
            .map(p -> child(p, "sae-id").map(Element::getTextContent).orElse("?")).toList())
            .orElse(List.of());
    }

    private static Element sshQkd(final String reply) {
        return child(child(parse(reply), "data").orElseThrow(), "ssh-qkd").orElseThrow();
    }

    private static Element peer(final String reply, final String saeId) {
        return children(sshQkd(reply)).stream()
            .filter(p -> "peer".equals(p.getLocalName())
                && saeId.equals(child(p, "sae-id").map(Element::getTextContent).orElse(null)))
            .findFirst().orElseThrow(() -> new AssertionError("no peer " + saeId + " in " + reply));
    }

    private static List<String> names(final Element element) {
        return children(element).stream().map(Element::getLocalName).toList();
    }

    private static String running() throws IOException {
        return data(nc.rpc(GET_RUNNING));
    }

    private static void assertError(final String reply, final String type, final String tag,
            final Optional<String> badElement) {
        final Replies.Error e = error(reply);
        assertEquals(type, e.type(), reply);
        assertEquals(tag, e.tag(), reply);
        if (badElement.isPresent()) {
            assertEquals(badElement, e.badElement(), reply);
        }
    }

    // --- retrieval and filters

    @Test
    void getConfigWhole() throws Exception {
        final String reply = getConfig("");
        assertEquals(List.of("a", "b", "c"), peers(reply));
        assertEquals(List.of("ssh-qkd", "network"), names(child(parse(reply), "data").orElseThrow()));
    }

    @Test
    void subtreeSelectionNode() throws Exception {
        final String reply = getConfig(subtree("<ssh-qkd xmlns='" + SSH_QKD + "'><peer/></ssh-qkd>"));
        assertEquals(List.of("a", "b", "c"), peers(reply));
        assertEquals(List.of("peer", "peer", "peer"), names(sshQkd(reply)));
        assertEquals(List.of("sae-id", "description"), names(peer(reply, "a")));
    }

    @Test
    void subtreeContentMatchSelectsOneEntryWhole() throws Exception {
        final String reply = getConfig(subtree("<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>b</sae-id></peer>"
            + "</ssh-qkd>"));
        assertEquals(List.of("b"), peers(reply));
        assertEquals("beta", child(peer(reply, "b"), "description").orElseThrow().getTextContent());
    }

    @Test
    void subtreeContentMatchWithSelection() throws Exception {
        final String reply = getConfig(subtree("<network xmlns='" + NETWORK + "'><node><name>Norte</name>"
            + "<node-id/></node></network>"));
        final Element network = child(child(parse(reply), "data").orElseThrow(), "network").orElseThrow();
        assertEquals(1, children(network).size(), reply);
        assertEquals(List.of("node-id", "name"), names(children(network).getFirst()));
        assertTrue(reply.contains(NODE_2));
    }

    @Test
    void subtreeSeveralListEntries() throws Exception {
        final String reply = getConfig(subtree("<ssh-qkd xmlns='" + SSH_QKD + "'>"
            + "<peer><sae-id>a</sae-id></peer><peer><sae-id>c</sae-id></peer></ssh-qkd>"));
        assertEquals(List.of("a", "c"), peers(reply));
    }

    @Test
    void subtreeWithoutMatchOrEmptyIsEmpty() throws Exception {
        assertEquals(List.of(), names(child(parse(getConfig(subtree("<ssh-qkd xmlns='" + SSH_QKD + "'><peer>"
            + "<sae-id>nobody</sae-id></peer></ssh-qkd>"))), "data").orElseThrow()));
        assertEquals(List.of(), names(child(parse(getConfig(subtree(""))), "data").orElseThrow()));
        assertError(getConfig("<filter type='regex'/>"), "protocol", "bad-attribute", Optional.of("filter"));
    }

    @Test
    void xpathFilter() throws Exception {
        final String reply = nc.rpc("<get-config xmlns:s='" + SSH_QKD + "'><source><running/></source>"
            + "<filter type='xpath' select=\"/s:ssh-qkd/s:peer[s:sae-id='b']\"/></get-config>");
        assertEquals(List.of("b"), peers(reply));
        final String descriptions = nc.rpc("<get-config xmlns:s='" + SSH_QKD + "'><source><running/></source>"
            + "<filter type='xpath' select='/s:ssh-qkd/s:peer/s:description'/></get-config>");
        // the selected leaves come with their entries' keys
        assertEquals(List.of("a", "b"), peers(descriptions));
        assertEquals(List.of("sae-id", "description"), names(peer(descriptions, "a")));
        assertError(nc.rpc("<get-config><source><running/></source><filter type='xpath' select='/ssh-qkd['/>"
            + "</get-config>"), "protocol", "invalid-value", Optional.of("filter"));
        assertError(nc.rpc("<get-config><source><running/></source><filter type='xpath'/></get-config>"),
            "protocol", "missing-attribute", Optional.empty());
    }

    @Test
    void getMergesStateAndMonitoring() throws Exception {
        final String reply = nc.rpc("<get/>");
        final Element data = child(parse(reply), "data").orElseThrow();
        assertTrue(names(data).containsAll(List.of("ssh-qkd", "network", "netconf-state", "yang-library",
            "modules-state")), names(data).toString());
        assertError(nc.rpc("<get><source><running/></source></get>"), "protocol", "unknown-element",
            Optional.of("source"));
    }

    @Test
    void getConfigErrors() throws Exception {
        assertError(nc.rpc("<get-config/>"), "protocol", "missing-element", Optional.of("source"));
        assertError(nc.rpc("<get-config><source><operational/></source></get-config>"), "protocol",
            "invalid-value", Optional.of("operational"));
        assertError(nc.rpc("<get-config><source><running/><candidate/></source></get-config>"), "protocol",
            "bad-element", Optional.of("source"));
    }

    // --- with-defaults (RFC 6243)

    private static String withDefaults(final String mode) throws IOException {
        return nc.rpc("<get-config><source><running/></source>" + subtree("<ssh-qkd xmlns='" + SSH_QKD + "'/>")
            + "<with-defaults xmlns='" + WITH_DEFAULTS + "'>" + mode + "</with-defaults></get-config>");
    }

    @Test
    void withDefaultsModes() throws Exception {
        // explicit, the basic mode: what was set, also when it equals the default
        final Element explicit = sshQkd(withDefaults("explicit"));
        assertEquals(List.of("policy", "peer", "peer", "peer", "rekey"), names(explicit));
        assertEquals(List.of("max-time"), names(child(explicit, "rekey").orElseThrow()));
        assertEquals(names(explicit), names(sshQkd(getConfig(subtree("<ssh-qkd xmlns='" + SSH_QKD + "'/>")))));
        // trim: values equal to their default are left out
        final Element trim = sshQkd(withDefaults("trim"));
        assertTrue(child(trim, "rekey").map(r -> children(r).isEmpty()).orElse(true), trim.getTextContent());
        // report-all: every default is there
        final String all = withDefaults("report-all");
        final Element reportAll = sshQkd(all);
        // RFC 7950 section 7.5.7: a container's children come in any order
        assertEquals(Set.of("max-bytes", "max-time"), Set.copyOf(names(child(reportAll, "rekey").orElseThrow())));
        assertEquals("false", child(reportAll, "fallback-on-kme-failure").orElseThrow().getTextContent());
        assertEquals("3000", child(child(reportAll, "kme").orElseThrow(), "timeout").orElseThrow()
            .getTextContent());
        assertFalse(all.contains("urn:ietf:params:xml:ns:netconf:default:1.0"));
        // report-all-tagged: the defaults, each tagged, the set values equal to their default too
        final Element tagged = sshQkd(withDefaults("report-all-tagged"));
        final Element maxTime = child(child(tagged, "rekey").orElseThrow(), "max-time").orElseThrow();
        assertEquals("true", maxTime.getAttributeNS("urn:ietf:params:xml:ns:netconf:default:1.0", "default"));
        final Element policy = child(tagged, "policy").orElseThrow();
        assertFalse(policy.hasAttributeNS("urn:ietf:params:xml:ns:netconf:default:1.0", "default"));
        assertError(withDefaults("everything"), "protocol", "invalid-value", Optional.of("with-defaults"));
    }

    // --- edit-config

    @Test
    void editConfigMergeAddsAndChanges() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>d</sae-id></peer>"
            + "<peer><sae-id>a</sae-id><description>changed</description></peer></ssh-qkd>")));
        final String reply = getConfig("");
        assertEquals(List.of("a", "b", "c", "d"), peers(reply));
        assertEquals("changed", child(peer(reply, "a"), "description").orElseThrow().getTextContent());
    }

    @Test
    void editConfigReplaceOneEntry() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='replace'><sae-id>a</sae-id></peer></ssh-qkd>")));
        final String reply = getConfig("");
        assertEquals(List.of("sae-id"), names(peer(reply, "a")));
        assertEquals(List.of("a", "b", "c"), peers(reply));
    }

    @Test
    void editConfigCreate() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='create'><sae-id>e</sae-id></peer></ssh-qkd>")));
        final String before = running();
        final String reply = nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC
            + "'><peer nc:operation='create'><sae-id>a</sae-id></peer></ssh-qkd>"));
        assertError(reply, "application", "data-exists", Optional.empty());
        assertEquals(Optional.of("/sdqkd-ssh:ssh-qkd/sdqkd-ssh:peer[sdqkd-ssh:sae-id='a']"), error(reply).path());
        assertTrue(reply.contains("xmlns:sdqkd-ssh=\"" + SSH_QKD + "\""), reply);
        assertEquals(before, running());
    }

    @Test
    void editConfigDeleteAndRemove() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='delete'><sae-id>b</sae-id></peer>"
            + "<peer><sae-id>a</sae-id><description nc:operation='delete'/></peer></ssh-qkd>")));
        final String reply = getConfig("");
        assertEquals(List.of("a", "c"), peers(reply));
        assertEquals(List.of("sae-id"), names(peer(reply, "a")));
        final String missing = nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC
            + "'><peer nc:operation='delete'><sae-id>zz</sae-id></peer></ssh-qkd>"));
        assertError(missing, "application", "data-missing", Optional.empty());
        assertEquals(Optional.of("/sdqkd-ssh:ssh-qkd/sdqkd-ssh:peer[sdqkd-ssh:sae-id='zz']"), error(missing).path());
        // remove of absent data is no error
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='remove'><sae-id>zz</sae-id></peer><peer nc:operation='remove'><sae-id>c</sae-id>"
            + "</peer></ssh-qkd>")));
        assertEquals(List.of("a"), peers(getConfig("")));
    }

    @Test
    void editConfigBadInput() throws Exception {
        final String before = running();
        assertError(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='explode'><sae-id>a</sae-id></peer></ssh-qkd>")), "protocol", "bad-attribute",
            Optional.of("peer"));
        assertError(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'><colour>red</colour>"
            + "</ssh-qkd>")), "application", "unknown-element", Optional.of("colour"));
        assertError(nc.rpc(editConfig("running", "<colour xmlns='urn:example:unknown'>red</colour>")),
            "application", "unknown-namespace", Optional.of("colour"));
        final String range = nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'><rekey>"
            + "<max-time>5</max-time></rekey></ssh-qkd>"));
        assertEquals("invalid-value", error(range).tag(), range);
        assertEquals(Optional.of("/sdqkd-ssh:ssh-qkd/sdqkd-ssh:rekey/sdqkd-ssh:max-time"), error(range).path());
        assertError(nc.rpc("<edit-config><target><running/></target></edit-config>"), "protocol",
            "missing-element", Optional.of("config"));
        assertError(nc.rpc(editConfig("startup", "")), "protocol", "invalid-value", Optional.of("startup"));
        assertError(nc.rpc("<edit-config><target><running/></target><default-operation>merge-all"
            + "</default-operation><config/></edit-config>"), "protocol", "invalid-value",
            Optional.of("default-operation"));
        assertEquals(before, running());
    }

    @Test
    void defaultOperationNone() throws Exception {
        final String reply = nc.rpc("<edit-config><target><running/></target><default-operation>none"
            + "</default-operation><config><ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>new</sae-id></peer>"
            + "</ssh-qkd></config></edit-config>");
        assertError(reply, "application", "data-missing", Optional.empty());
        assertOk(nc.rpc("<edit-config><target><running/></target><default-operation>none</default-operation>"
            + "<config><ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'><peer><sae-id>a</sae-id>"
            + "<description nc:operation='merge'>via none</description></peer></ssh-qkd></config></edit-config>"));
        final String config = getConfig("");
        assertEquals(List.of("a", "b", "c"), peers(config));
        assertEquals("via none", child(peer(config, "a"), "description").orElseThrow().getTextContent());
    }

    @Test
    void defaultOperationReplace() throws Exception {
        assertOk(nc.rpc("<edit-config><target><running/></target><default-operation>replace"
            + "</default-operation><config><ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy><peer><sae-id>z"
            + "</sae-id></peer></ssh-qkd></config></edit-config>"));
        final String reply = getConfig("");
        assertEquals(List.of("z"), peers(reply));
        assertEquals(List.of("ssh-qkd"), names(child(parse(reply), "data").orElseThrow()));
    }

    @Test
    void testOptionTestOnly() throws Exception {
        final String before = running();
        assertOk(nc.rpc("<edit-config><target><running/></target><test-option>test-only</test-option><config>"
            + "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>t</sae-id></peer></ssh-qkd></config></edit-config>"));
        assertEquals(before, running());
        // policy preferred needs the KME's url and local-sae-id (a must of the model)
        final String invalid = "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>preferred</policy></ssh-qkd>";
        final String testOnly = nc.rpc("<edit-config><target><running/></target><test-option>test-only"
            + "</test-option><config>" + invalid + "</config></edit-config>");
        assertEquals("application", error(testOnly).type(), testOnly);
        final String set = nc.rpc(editConfig("running", invalid));
        assertEquals(error(testOnly).tag(), error(set).tag());
        assertEquals(before, running());
        assertError(nc.rpc("<edit-config><target><running/></target><test-option>later</test-option><config/>"
            + "</edit-config>"), "protocol", "invalid-value", Optional.of("test-option"));
    }

    @Test
    void errorOptions() throws Exception {
        final String edits = "<config><ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC + "'>"
            + "<peer nc:operation='create'><sae-id>a</sae-id></peer>"
            + "<peer nc:operation='create'><sae-id>new</sae-id></peer></ssh-qkd></config>";
        final String before = running();
        for (String option : List.of("stop-on-error", "rollback-on-error")) {
            final String reply = nc.rpc("<edit-config><target><running/></target><error-option>" + option
                + "</error-option>" + edits + "</edit-config>");
            assertEquals("data-exists", error(reply).tag(), option);
            assertEquals(before, running(), option);
        }
        final String reply = nc.rpc("<edit-config><target><running/></target><error-option>continue-on-error"
            + "</error-option>" + edits + "</edit-config>");
        assertEquals("data-exists", error(reply).tag());
        // peer is ordered-by system: any order
        assertEquals(Set.of("a", "b", "c", "new"), Set.copyOf(peers(getConfig(""))));
    }

    @Test
    void candidateEditCommitAndDiscard() throws Exception {
        final String before = running();
        assertOk(nc.rpc(editConfig("candidate", "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>cand</sae-id>"
            + "</peer></ssh-qkd>")));
        assertEquals(before, running());
        assertTrue(peers(nc.rpc(GET_CANDIDATE)).contains("cand"));
        assertOk(nc.rpc("<discard-changes/>"));
        assertEquals(before, data(nc.rpc(GET_CANDIDATE)));
        assertOk(nc.rpc(editConfig("candidate", "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>cand</sae-id>"
            + "</peer></ssh-qkd>")));
        assertOk(nc.rpc("<commit/>"));
        assertTrue(peers(getConfig("")).contains("cand"));
        // an invalid candidate is not committed
        assertOk(nc.rpc(editConfig("candidate", "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>preferred</policy>"
            + "</ssh-qkd>")));
        final String commit = nc.rpc("<commit/>");
        assertEquals("application", error(commit).type(), commit);
        assertTrue(data(nc.rpc(GET_RUNNING)).contains("<policy>off</policy>"));
        assertOk(nc.rpc("<discard-changes/>"));
    }

    @Test
    void editConfigOnAPresenceContainer() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC
            + "' nc:operation='delete'/>")));
        assertEquals(List.of("network"), names(child(parse(getConfig("")), "data").orElseThrow()));
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC
            + "' nc:operation='create'><policy>off</policy></ssh-qkd>")));
        assertEquals(List.of("policy"), names(sshQkd(getConfig(""))));
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "' xmlns:nc='" + NC
            + "' nc:operation='replace'><policy>off</policy><peer><sae-id>r</sae-id></peer></ssh-qkd>")));
        assertEquals(List.of("r"), peers(getConfig("")));
    }

    @Test
    void rpcAttributesAndMessageIdComeBack() throws Exception {
        nc.send("<rpc xmlns='" + NC + "' message-id='m-\u00e9 1' xmlns:ex='urn:example:attrs' ex:user-id='fred'>"
            + "<get-config><source><running/></source></get-config></rpc>");
        final Element reply = parse(nc.reply());
        assertEquals("m-\u00e9 1", reply.getAttribute("message-id"));
        assertEquals("fred", reply.getAttributeNS("urn:example:attrs", "user-id"));
    }

    @Test
    void lockUnlockAndKillSessionErrors() throws Exception {
        // RFC 6241 appendix A: operation-failed may be of type rpc, protocol or application
        assertEquals("operation-failed", error(nc.rpc("<unlock><target><running/></target></unlock>")).tag());
        assertOk(nc.rpc("<lock><target><running/></target></lock>"));
        assertError(nc.rpc("<lock><target><running/></target></lock>"), "protocol", "lock-denied",
            Optional.empty());
        assertOk(nc.rpc("<unlock><target><running/></target></unlock>"));
        assertError(nc.rpc("<kill-session><session-id>" + nc.sessionId() + "</session-id></kill-session>"),
            "protocol", "invalid-value", Optional.of("session-id"));
        assertError(nc.rpc("<kill-session><session-id>99999</session-id></kill-session>"), "protocol",
            "invalid-value", Optional.of("session-id"));
        assertError(nc.rpc("<kill-session/>"), "protocol", "missing-element", Optional.of("session-id"));
        assertError(nc.rpc("<lock><target><operational/></target></lock>"), "protocol", "invalid-value",
            Optional.of("operational"));
    }

    @Test
    void getDataDepthAndFilters() throws Exception {
        final String depth = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>ds:running"
            + "</datastore><subtree-filter><ssh-qkd xmlns='" + SSH_QKD + "'/></subtree-filter><max-depth>2"
            + "</max-depth></get-data>");
        final Element ssh = child(child(parse(depth), "data").orElseThrow(), "ssh-qkd").orElseThrow();
        assertTrue(children(ssh).stream().filter(e -> "peer".equals(e.getLocalName()))
            .allMatch(p -> children(p).isEmpty()), depth);
        final String xpath = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "' xmlns:s='" + SSH_QKD
            + "'><datastore>ds:running</datastore><xpath-filter>/s:ssh-qkd/s:peer[s:sae-id='a']</xpath-filter>"
            + "</get-data>");
        assertEquals(List.of("a"), peers(xpath));
        final String defaults = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>"
            + "ds:startup</datastore><subtree-filter><ssh-qkd xmlns='" + SSH_QKD + "'/></subtree-filter>"
            + "<with-defaults>report-all</with-defaults></get-data>");
        assertTrue(defaults.contains("<max-bytes>1073741824</max-bytes>"), defaults);
    }

    // --- copy-config, delete-config, validate

    @Test
    void copyConfig() throws Exception {
        assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>copied</sae-id>"
            + "</peer></ssh-qkd>")));
        assertOk(nc.rpc("<copy-config><target><startup/></target><source><running/></source></copy-config>"));
        assertEquals(running(), data(nc.rpc("<get-config><source><startup/></source></get-config>")));
        // inline configuration into the candidate, then from the startup back
        assertOk(nc.rpc("<copy-config><target><candidate/></target><source><config><ssh-qkd xmlns='" + SSH_QKD
            + "'><policy>off</policy><peer><sae-id>inline</sae-id></peer></ssh-qkd></config></source>"
            + "</copy-config>"));
        assertEquals(List.of("inline"), peers(nc.rpc(GET_CANDIDATE)));
        assertOk(nc.rpc("<copy-config><target><candidate/></target><source><startup/></source></copy-config>"));
        assertEquals(running(), data(nc.rpc(GET_CANDIDATE)));
        // startup into running
        assertOk(nc.rpc("<copy-config><target><running/></target><source><config><ssh-qkd xmlns='" + SSH_QKD
            + "'><policy>off</policy></ssh-qkd></config></source></copy-config>"));
        assertEquals(List.of(), peers(getConfig("")));
        assertOk(nc.rpc("<copy-config><target><running/></target><source><startup/></source></copy-config>"));
        assertTrue(peers(getConfig("")).contains("copied"));
        assertError(nc.rpc("<copy-config><target><running/></target><source><running/></source></copy-config>"),
            "protocol", "invalid-value", Optional.of("target"));
        final String invalid = nc.rpc("<copy-config><target><running/></target><source><config><ssh-qkd xmlns='"
            + SSH_QKD + "'><policy>preferred</policy></ssh-qkd></config></source></copy-config>");
        assertEquals("application", error(invalid).type(), invalid);
        assertTrue(peers(getConfig("")).contains("copied"));
    }

    @Test
    void deleteConfig() throws Exception {
        assertOk(nc.rpc("<delete-config><target><startup/></target></delete-config>"));
        assertEquals(List.of(), names(child(parse(nc.rpc("<get-config><source><startup/></source></get-config>")),
            "data").orElseThrow()));
        final String before = running();
        assertError(nc.rpc("<delete-config><target><running/></target></delete-config>"), "protocol",
            "operation-not-supported", Optional.of("running"));
        assertEquals(before, running());
    }

    @Test
    void validate() throws Exception {
        assertOk(nc.rpc("<validate><source><running/></source></validate>"));
        assertOk(nc.rpc("<validate><source><candidate/></source></validate>"));
        assertOk(nc.rpc(editConfig("candidate", "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>preferred</policy>"
            + "</ssh-qkd>")));
        final String invalid = nc.rpc("<validate><source><candidate/></source></validate>");
        assertEquals("application", error(invalid).type(), invalid);
        assertTrue(error(invalid).path().orElse("").startsWith("/sdqkd-ssh:ssh-qkd"), invalid);
        assertOk(nc.rpc("<discard-changes/>"));
        // inline: a name used by two nodes breaks the model's unique
        final String inline = nc.rpc("<validate><source><config><network xmlns='" + NETWORK + "'>"
            + node(NODE_1, "Same", "s1") + node(NODE_2, "Same", "s2") + "</network></config></source></validate>");
        final Replies.Error notUnique = Replies.errors(inline).getFirst();
        assertEquals("application", notUnique.type(), inline);
        assertEquals("operation-failed", notUnique.tag(), inline);
        assertEquals(Optional.of("data-not-unique"), notUnique.appTag(), inline);
        // a must with its error-app-tag: one SAE on two nodes
        final String must = nc.rpc("<validate><source><config><network xmlns='" + NETWORK + "'>"
            + node(NODE_1, "One", "shared") + node(NODE_2, "Two", "shared") + "</network></config></source>"
            + "</validate>");
        assertEquals(Optional.of("sdqkd-sae-on-two-nodes"), Replies.errors(must).getFirst().appTag(), must);
        assertError(nc.rpc("<validate/>"), "protocol", "missing-element", Optional.of("source"));
    }

    // --- monitoring

    @Test
    void getSchema() throws Exception {
        final String reply = nc.rpc("<get-schema xmlns='" + MONITORING + "'><identifier>sdqkd-ssh-qkd</identifier>"
            + "<version>2026-11-22</version><format>yang</format></get-schema>");
        final Element data = child(parse(reply), "data").orElseThrow();
        assertEquals(MONITORING, data.getNamespaceURI());
        assertTrue(data.getTextContent().startsWith("module sdqkd-ssh-qkd {"), reply);
        assertError(nc.rpc("<get-schema xmlns='" + MONITORING + "'><identifier>no-such-module</identifier>"
            + "</get-schema>"), "protocol", "invalid-value", Optional.of("identifier"));
        assertError(nc.rpc("<get-schema xmlns='" + MONITORING + "'><identifier>sdqkd-ssh-qkd</identifier>"
            + "<version>1999-01-01</version></get-schema>"), "protocol", "invalid-value",
            Optional.of("identifier"));
        assertError(nc.rpc("<get-schema xmlns='" + MONITORING + "'/>"), "protocol", "missing-element",
            Optional.of("identifier"));
    }

    @Test
    void netconfState() throws Exception {
        assertOk(nc.rpc("<lock><target><candidate/></target></lock>"));
        try {
            final String reply = nc.rpc("<get>" + subtree("<netconf-state xmlns='" + MONITORING + "'/>") + "</get>");
            final Element state = child(child(parse(reply), "data").orElseThrow(), "netconf-state").orElseThrow();
            assertEquals(List.of("capabilities", "datastores", "schemas", "sessions", "statistics"), names(state));
            final String sessions = Replies.children(child(state, "sessions").orElseThrow()).stream()
                .map(s -> child(s, "session-id").orElseThrow().getTextContent() + "/"
                    + child(s, "username").orElseThrow().getTextContent()).sorted().toList().toString();
            assertTrue(sessions.contains(nc.sessionId() + "/admin"), sessions);
            assertTrue(sessions.contains(other.sessionId() + "/oper"), sessions);
            final String locks = nc.rpc("<get>" + subtree("<netconf-state xmlns='" + MONITORING + "'><datastores>"
                + "<datastore><name>candidate</name></datastore></datastores></netconf-state>") + "</get>");
            assertTrue(locks.contains("<locked-by-session>" + nc.sessionId() + "</locked-by-session>"), locks);
            final String schema = nc.rpc("<get>" + subtree("<netconf-state xmlns='" + MONITORING + "'><schemas>"
                + "<schema><identifier>sdqkd-ssh-qkd</identifier></schema></schemas></netconf-state>") + "</get>");
            assertTrue(schema.contains("<format>yang</format>") && schema.contains("<location>NETCONF</location>")
                && schema.contains("<version>2026-11-22</version>"), schema);
            final Element statistics = child(state, "statistics").orElseThrow();
            assertTrue(Long.parseLong(child(statistics, "in-sessions").orElseThrow().getTextContent()) >= 2);
            assertTrue(Long.parseLong(child(statistics, "in-rpcs").orElseThrow().getTextContent()) > 0);
        } finally {
            assertOk(nc.rpc("<unlock><target><candidate/></target></unlock>"));
        }
        final String unlocked = nc.rpc("<get>" + subtree("<netconf-state xmlns='" + MONITORING + "'><datastores/>"
            + "</netconf-state>") + "</get>");
        assertFalse(unlocked.contains("locked-by-session"), unlocked);
    }

    @Test
    void yangLibraryAndModulesState() throws Exception {
        final String reply = nc.rpc("<get>" + subtree("<yang-library xmlns='" + LIBRARY + "'/><modules-state xmlns='"
            + LIBRARY + "'/>") + "</get>");
        final Element data = child(parse(reply), "data").orElseThrow();
        final Element library = child(data, "yang-library").orElseThrow();
        final String contentId = child(library, "content-id").orElseThrow().getTextContent();
        assertTrue(nc.serverHello().capabilities().stream().anyMatch(c -> c.toString().contains(
            "yang-library:1.1") && c.toString().endsWith("content-id=" + contentId)), contentId);
        final Element set = child(library, "module-set").orElseThrow();
        assertTrue(children(set).stream().anyMatch(m -> "module".equals(m.getLocalName())
            && "sdqkd-ssh-qkd".equals(child(m, "name").orElseThrow().getTextContent())));
        final List<Element> datastores = children(library).stream()
            .filter(e -> "datastore".equals(e.getLocalName())).toList();
        assertEquals(4, datastores.size());
        for (Element ds : datastores) {
            final Element name = child(ds, "name").orElseThrow();
            final String prefix = name.getTextContent().substring(0, name.getTextContent().indexOf(':'));
            assertEquals(DS, name.lookupNamespaceURI(prefix), "the identityref's prefix is declared");
        }
        final Element modules = child(data, "modules-state").orElseThrow();
        assertEquals(contentId, child(modules, "module-set-id").orElseThrow().getTextContent());
        assertTrue(children(modules).stream().anyMatch(m -> "module".equals(m.getLocalName())
            && "sdqkd-network".equals(child(m, "name").orElseThrow().getTextContent())
            && "implement".equals(child(m, "conformance-type").map(Element::getTextContent).orElse(""))));
    }

    // --- notifications

    @Test
    void subscriptionGetsConfigChangesInterleaved() throws Exception {
        try (RawNetconf subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true)) {
            assertOk(subscriber.rpc("<create-subscription xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'>"
                + "<filter type='subtree'><netconf-config-change xmlns='" + NOTIFICATIONS + "'/></filter>"
                + "</create-subscription>"));
            assertError(subscriber.rpc("<create-subscription xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'"
                + "/>"), "protocol", "in-use", Optional.empty());
            assertOk(nc.rpc(editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>notified"
                + "</sae-id></peer></ssh-qkd>")));
            final Element notification = parse(subscriber.notification());
            assertEquals("notification", notification.getLocalName());
            final Element change = child(notification, "netconf-config-change").orElseThrow();
            final Element changedBy = child(change, "changed-by").orElseThrow();
            assertEquals("admin", child(changedBy, "username").orElseThrow().getTextContent());
            assertEquals(Long.toString(nc.sessionId()), child(changedBy, "session-id").orElseThrow()
                .getTextContent());
            assertEquals("running", child(change, "datastore").orElseThrow().getTextContent());
            final Element edit = child(change, "edit").orElseThrow();
            assertEquals("create", child(edit, "operation").orElseThrow().getTextContent());
            final Element target = child(edit, "target").orElseThrow();
            assertTrue(target.getTextContent().contains("peer[") && target.getTextContent().contains("notified"),
                target.getTextContent());
            // interleave: the subscribed session still runs operations
            assertTrue(peers(subscriber.rpc(GET_RUNNING)).contains("notified"));
        }
    }

    @Test
    void subscriptionErrors() throws Exception {
        try (RawNetconf subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true)) {
            final String ns = "xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'";
            assertError(subscriber.rpc("<create-subscription " + ns + "><stream>SYSLOG</stream>"
                + "</create-subscription>"), "protocol", "invalid-value", Optional.of("stream"));
            assertError(subscriber.rpc("<create-subscription " + ns + "><filter type='xpath' select='/x['/>"
                + "</create-subscription>"), "protocol", "invalid-value", Optional.empty());
            assertOk(subscriber.rpc("<create-subscription " + ns + "><stream>NETCONF</stream>"
                + "</create-subscription>"));
            // without filter every event comes: a new session's start
            try (RawNetconf third = RawNetconf.connect(agent.port(), TestAgent.USER, false)) {
                final Element start = child(parse(subscriber.notification()), "netconf-session-start").orElseThrow();
                assertEquals(Long.toString(third.sessionId()), child(start, "session-id").orElseThrow()
                    .getTextContent());
            }
        }
    }

    // --- NMDA

    @Test
    void getDataAndEditData() throws Exception {
        final String running = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'>"
            + "<datastore>ds:running</datastore></get-data>");
        final Element data = child(parse(running), "data").orElseThrow();
        assertEquals(NMDA, data.getNamespaceURI());
        assertEquals(List.of("ssh-qkd", "network"), names(data));
        assertOk(nc.rpc("<edit-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>ds:running</datastore>"
            + "<config><ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>nmda</sae-id></peer></ssh-qkd></config>"
            + "</edit-data>"));
        assertTrue(peers(getConfig("")).contains("nmda"));
        assertOk(nc.rpc("<edit-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>ds:candidate"
            + "</datastore><default-operation>replace</default-operation><config><ssh-qkd xmlns='" + SSH_QKD + "'>"
            + "<policy>off</policy></ssh-qkd></config></edit-data>"));
        assertEquals(List.of("ssh-qkd"), names(child(parse(nc.rpc(GET_CANDIDATE)), "data").orElseThrow()));
        assertOk(nc.rpc("<discard-changes/>"));
        assertError(nc.rpc("<edit-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>ds:operational"
            + "</datastore><config/></edit-data>"), "protocol", "invalid-value", Optional.of("datastore"));
        assertError(nc.rpc("<get-data xmlns='" + NMDA + "'><datastore>running</datastore></get-data>"),
            "protocol", "invalid-value", Optional.of("datastore"));
    }

    @Test
    void getDataOperational() throws Exception {
        final var codec = YangModels.documentCodec(agent.agent().models());
        final ContainerNode state = codec.read(new StringReader("<network xmlns='" + NETWORK + "'><node><node-id>"
            + NODE_1 + "</node-id><state><connection>connected</connection></state></node></network>"),
            DocumentFormat.XML);
        try (DataTransaction tx = agent.agent().datastores().newTransaction(DatastoreName.OPERATIONAL,
                new SessionId(0, "test"))) {
            tx.write(YangInstanceIdentifier.of(), state);
            tx.commit();
        }
        final String reply = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>"
            + "ds:operational</datastore><subtree-filter><network xmlns='" + NETWORK + "'/></subtree-filter>"
            + "<config-filter>false</config-filter></get-data>");
        final Element network = child(child(parse(reply), "data").orElseThrow(), "network").orElseThrow();
        final Element node = children(network).getFirst();
        assertEquals(List.of("node-id", "state"), names(node), reply);
        assertEquals("connected", child(child(node, "state").orElseThrow(), "connection").orElseThrow()
            .getTextContent());
        // the operational datastore holds running's configuration too
        final String all = nc.rpc("<get-data xmlns='" + NMDA + "' xmlns:ds='" + DS + "'><datastore>"
            + "ds:operational</datastore><subtree-filter><network xmlns='" + NETWORK + "'><node><node-id>" + NODE_1
            + "</node-id></node></network></subtree-filter></get-data>");
        assertTrue(all.contains("<name>Almagro</name>") && all.contains("<connection>connected</connection>"), all);
        // get reports state as well; get-config does not
        assertTrue(nc.rpc("<get>" + subtree("<network xmlns='" + NETWORK + "'/>") + "</get>").contains(
            "<connection>connected</connection>"));
        assertFalse(getConfig("").contains("<connection>"));
    }
}
