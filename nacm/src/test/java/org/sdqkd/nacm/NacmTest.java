package org.sdqkd.nacm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.nacm.NacmFixture.ACM;
import static org.sdqkd.nacm.NacmFixture.ETSI;
import static org.sdqkd.nacm.NacmFixture.POT;
import static org.sdqkd.nacm.NacmFixture.qname;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.nacm.api.AccessDeniedException;
import org.sdqkd.nacm.api.Requester;

class NacmTest {
    private static final Requester ADMIN = Requester.of("admin");
    private static final Requester NOC = Requester.of("noc");
    private static final Requester ORCHESTRATOR = Requester.of("orchestrator");
    private static final QName EDIT_CONFIG = qname("urn:ietf:params:xml:ns:netconf:base:1.0", "edit-config");
    private static final QName GET = qname("urn:ietf:params:xml:ns:netconf:base:1.0", "get");
    private static final String NEW_APP = """
        <qkd_node xmlns="urn:etsi:qkd:yang:etsi-qkd-node" xmlns:t="urn:etsi:qkd:yang:etsi-qkd-node-types">
          <qkd_applications>
            <qkd_app>
              <app_id>0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0</app_id>
              <app_type>t:CLIENT</app_type>
              <app_priority>3</app_priority>
            </qkd_app>
          </qkd_applications>
        </qkd_node>
        """;
    private static final String LINK_CHANGE = """
        <qkd_node xmlns="urn:etsi:qkd:yang:etsi-qkd-node">
          <qkd_links>
            <qkd_link>
              <qkdl_id>d67b82c3-a30d-4bf7-af6a-364fbf7ae968</qkdl_id>
              <qkdl_enable>false</qkdl_enable>
            </qkd_link>
          </qkd_links>
        </qkd_node>
        """;

    @TempDir
    Path directory;
    private NacmFixture fixture;
    private AccessControl engine;

    @BeforeEach
    void open() throws Exception {
        fixture = new NacmFixture(directory);
        engine = fixture.engine();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void projectModelsCarryIetfNetconfAcm() {
        assertTrue(NacmFixture.models().findModule("ietf-netconf-acm", Revision.of("2018-02-14")).isPresent());
    }

    @Test
    void nocReadsAllButSecretsAndAccessControl() {
        final ContainerNode root = fixture.root();
        final ContainerNode seen = engine.readable(NOC, root);
        assertNotNull(child(seen, ETSI, "qkd_node"));
        assertNull(child(seen, ACM, "nacm"), "ietf-netconf-acm's nacm is default-deny-all");
        final MapEntryNode profile = firstProfile(seen);
        assertNull(profile.childByArg(new NodeIdentifier(qname(POT, "secret-share"))));
        assertNull(profile.childByArg(new NodeIdentifier(qname(POT, "prime-number"))));
        assertNotNull(profile.childByArg(new NodeIdentifier(qname(POT, "public-polynomial"))));
        assertNotNull(firstProfile(root).childByArg(new NodeIdentifier(qname(POT, "secret-share"))),
            "the datastore itself is not changed");
    }

    @Test
    void adminReadsEverythingUncopied() {
        final ContainerNode root = fixture.root();
        assertSame(root, engine.readable(ADMIN, root));
    }

    @Test
    void recoverySessionBypassesAccessControl() throws Exception {
        final ContainerNode root = fixture.root();
        assertSame(root, engine.readable(Requester.recovery("system"), root));
        assertDoesNotThrow(() -> engine.checkWrite(Requester.recovery("system"), root,
            fixture.afterMerge(LINK_CHANGE)));
    }

    @Test
    void nocIsRefusedEditConfigButMayGet() throws Exception {
        final AccessDeniedException denied = assertThrows(AccessDeniedException.class,
            () -> engine.checkExecute(NOC, EDIT_CONFIG));
        assertTrue(denied.path().isEmpty());
        assertDoesNotThrow(() -> engine.checkExecute(NOC, GET));
        assertDoesNotThrow(() -> engine.checkExecute(ORCHESTRATOR, EDIT_CONFIG));
        assertEquals(1, engine.counters().operations());
    }

    @Test
    void orchestratorCreatesApplicationsButCannotChangeLinks() throws Exception {
        final ContainerNode before = fixture.root();
        assertDoesNotThrow(() -> engine.checkWrite(ORCHESTRATOR, before, fixture.afterMerge(NEW_APP)));
        final AccessDeniedException denied = assertThrows(AccessDeniedException.class,
            () -> engine.checkWrite(ORCHESTRATOR, before, fixture.afterMerge(LINK_CHANGE)));
        assertEquals("/etsi-qkd-sdn-node:qkd_node/etsi-qkd-sdn-node:qkd_links/etsi-qkd-sdn-node:qkd_link"
            + "[qkdl_id='d67b82c3-a30d-4bf7-af6a-364fbf7ae968']/etsi-qkd-sdn-node:qkdl_enable",
            denied.path().orElseThrow());
        assertEquals(1, engine.counters().dataWrites());
        assertDoesNotThrow(() -> engine.checkWrite(ADMIN, before, fixture.afterMerge(LINK_CHANGE)));
    }

    @Test
    void orchestratorDeletesApplicationsButNotTheNode() throws Exception {
        final ContainerNode before = fixture.root();
        final YangInstanceIdentifier apps = YangInstanceIdentifier.of(qname(ETSI, "qkd_node"),
            qname(ETSI, "qkd_applications"));
        assertDoesNotThrow(() -> engine.checkWrite(ORCHESTRATOR, before, fixture.afterDelete(apps)));
        final AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> engine.checkWrite(
            ORCHESTRATOR, before, fixture.afterDelete(YangInstanceIdentifier.of(qname(ETSI, "qkd_node")))));
        assertEquals("/etsi-qkd-sdn-node:qkd_node", denied.path().orElseThrow());
    }

    @Test
    void onlyAdminChangesAccessControl() throws Exception {
        final String disable = "<nacm xmlns=\"" + ACM + "\"><enable-nacm>false</enable-nacm></nacm>";
        final ContainerNode before = fixture.root();
        final ContainerNode after = fixture.afterMerge(disable);
        assertThrows(AccessDeniedException.class, () -> engine.checkWrite(ORCHESTRATOR, before, after));
        assertThrows(AccessDeniedException.class, () -> engine.checkWrite(Requester.of("guest"), before, after));
        assertDoesNotThrow(() -> engine.checkWrite(ADMIN, before, after));
    }

    @Test
    void usersWithoutGroupGetTheDefaults() throws Exception {
        final Requester guest = Requester.of("guest");
        final ContainerNode seen = engine.readable(guest, fixture.root());
        assertNotNull(child(seen, ETSI, "qkd_node"));
        assertNull(firstProfile(seen).childByArg(new NodeIdentifier(qname(POT, "secret-share"))));
        assertThrows(AccessDeniedException.class, () -> engine.checkWrite(guest, fixture.root(),
            fixture.afterMerge(NEW_APP)));
        assertDoesNotThrow(() -> engine.checkExecute(guest, EDIT_CONFIG));
    }

    @Test
    void externalGroupsCountOnlyWhenEnabled() throws Exception {
        final Requester external = new Requester("carol", Set.of("admin"), false);
        final ContainerNode root = fixture.root();
        assertFalse(engine.readable(external, root) == root, "the roles disable external groups");
        fixture.merge("<nacm xmlns=\"" + ACM + "\"><enable-external-groups>true</enable-external-groups></nacm>");
        assertSame(fixture.root(), engine.readable(external, fixture.root()));
    }

    @Test
    void rulesFollowTheRunningConfiguration() throws Exception {
        fixture.merge("<nacm xmlns=\"" + ACM + "\"><enable-nacm>false</enable-nacm></nacm>");
        final ContainerNode root = fixture.root();
        assertSame(root, engine.readable(NOC, root));
        assertDoesNotThrow(() -> engine.checkExecute(NOC, EDIT_CONFIG));
        fixture.merge("<nacm xmlns=\"" + ACM + "\"><enable-nacm>true</enable-nacm></nacm>");
        assertThrows(AccessDeniedException.class, () -> engine.checkExecute(NOC, EDIT_CONFIG));
    }

    @Test
    void notificationRulesDecideWhatIsSent() throws Exception {
        final QName appNew = qname(ETSI, "sdqkdn_application_new");
        assertTrue(engine.maySend(NOC, appNew));
        fixture.merge("""
            <nacm xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-acm">
              <rule-list>
                <name>noc</name>
                <rule>
                  <name>no-application-events</name>
                  <module-name>etsi-qkd-sdn-node</module-name>
                  <notification-name>sdqkdn_application_new</notification-name>
                  <access-operations>read</access-operations>
                  <action>deny</action>
                </rule>
              </rule-list>
            </nacm>
            """);
        assertFalse(engine.maySend(NOC, appNew));
        assertTrue(engine.maySend(ADMIN, appNew));
        assertEquals(1, engine.counters().notifications());
    }

    private static DataContainerChild child(final ContainerNode root, final String ns, final String name) {
        return root.childByArg(new NodeIdentifier(qname(ns, name)));
    }

    private static MapEntryNode firstProfile(final ContainerNode root) {
        final ContainerNode profiles = (ContainerNode) child(root, POT, "pot-profiles");
        final MapNode sets = (MapNode) profiles.childByArg(new NodeIdentifier(qname(POT, "pot-profile-set")));
        final MapEntryNode set = sets.body().iterator().next();
        final NormalizedNode list = set.childByArg(new NodeIdentifier(qname(POT, "pot-profile-list")));
        return ((MapNode) list).body().iterator().next();
    }
}
