package org.sdqkd.controller.impl.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.Alarm;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.BaseNotification;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.xml.sax.InputSource;

/**
 * A node's XML as bindings: its {@code qkd_node} (with sdqkd's key-store augment) and ETSI GS QKD 015
 * notifications; another vendor's elements are skipped, a value the model refuses is a clear error, a notification
 * of no model is left alone.
 */
class NodeDataDecoderTest {
    private static final NodeId NODE = new NodeId("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final LinkId LINK = new LinkId("d67b82c3-a30d-4bf7-af6a-364fbf7ae968");

    private final NodeDataDecoder decoder = new NodeDataDecoder(Codec.INSTANCE.nodeSerializer(),
        Codec.INSTANCE.modelContext());

    @Test
    void readsALinksViewFromTheNodesQkdNode() throws Exception {
        final QkdNode node = decoder.qkdNode(xml("""
            <qkd_node xmlns="urn:etsi:qkd:yang:etsi-qkd-node" xmlns:t="urn:etsi:qkd:yang:etsi-qkd-node-types"
                      xmlns:v="urn:example:vendor">
              <qkdn_id>b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23</qkdn_id>
              <qkdn_status>t:OPERATING</qkdn_status>
              <v:chassis><v:fan>ok</v:fan></v:chassis>
              <qkd_links>
                <qkd_link>
                  <qkdl_id>D67B82C3-A30D-4BF7-AF6A-364FBF7AE968</qkdl_id>
                  <qkdl_status>t:ACTIVE</qkdl_status>
                  <qkdl_local><qkdn_id>b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23</qkdn_id><qkdi_id>1</qkdi_id></qkdl_local>
                  <qkdl_remote><qkdn_id>c127b8fa-208c-451e-9f8c-3fd1e5108200</qkdn_id><qkdi_id>2</qkdi_id></qkdl_remote>
                  <qkdl_type>t:PHYS</qkdl_type>
                  <qkdl_performance>
                    <skr>70000</skr>
                    <phys_perf><perf_type>t:QBER</perf_type><value>0.018</value></phys_perf>
                  </qkdl_performance>
                  <key-store xmlns="urn:sdqkd:yang:sdqkd-qkd-node">
                    <qber>0.018421</qber>
                    <stored-keys>4210</stored-keys>
                  </key-store>
                </qkd_link>
              </qkd_links>
            </qkd_node>"""));
        final LinkEnd end = NodeReport.of(NODE, node).links().get(LINK);
        assertEquals(Optional.of(ACTIVE.VALUE.implementedInterface()),
            end.status().map(status -> status.implementedInterface()));
        assertEquals(OptionalLong.of(70_000), end.skr());
        assertEquals(Optional.of(new BigDecimal("0.018421")), end.qber(), "the key store's QBER, 6 digits");
        assertEquals(OptionalLong.of(4210), end.storedKeys());
        assertEquals(Optional.of(new NodeId("c127b8fa-208c-451e-9f8c-3fd1e5108200")), end.remote());
        assertTrue(end.physical());
    }

    @Test
    void refusesAValueTheModelRefusesWithTheElementNamed() throws Exception {
        final NodeDataException refused = assertThrows(NodeDataException.class, () -> decoder.qkdNode(xml("""
            <qkd_node xmlns="urn:etsi:qkd:yang:etsi-qkd-node">
              <qkdn_id>b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23</qkdn_id>
              <qkd_links><qkd_link><qkdl_id>d67b82c3-a30d-4bf7-af6a-364fbf7ae968</qkdl_id>
                <qkdl_performance><skr>-5</skr></qkdl_performance></qkd_link></qkd_links>
            </qkd_node>""")));
        assertTrue(refused.getMessage().contains("qkd_node"), refused.getMessage());
    }

    @Test
    void refusesAnElementThatIsNotAQkdNode() throws Exception {
        final XmlElement network = xml("<network xmlns=\"urn:sdqkd:yang:sdqkd-network\"/>");
        assertThrows(NodeDataException.class, () -> decoder.qkdNode(network));
    }

    @Test
    void readsAnEtsiAlarmAsItsBindingAndAppliesItsStatus() throws Exception {
        final BaseNotification notification = decoder.notification(xml("""
            <alarm xmlns="urn:etsi:qkd:yang:etsi-qkd-node" xmlns:t="urn:etsi:qkd:yang:etsi-qkd-node-types">
              <link>
                <qkdl_id>d67b82c3-a30d-4bf7-af6a-364fbf7ae968</qkdl_id>
                <qkdl_status>t:OFF</qkdl_status>
                <message>link down: fault injected</message>
                <severity>t:MAJOR</severity>
              </link>
            </alarm>""")).orElseThrow();
        assertInstanceOf(Alarm.class, notification);
        assertEquals(Optional.of(LINK), LinkNotifications.link(notification));
        final LinkEnd before = new LinkEnd(NODE, LINK, Optional.of(ACTIVE.VALUE), OptionalLong.of(1), Optional.empty(),
            OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
        assertEquals(OFF.class, LinkNotifications.apply(before, notification).status().orElseThrow()
            .implementedInterface());
    }

    @Test
    void leavesANotificationOfNoModelAlone() throws Exception {
        assertEquals(Optional.empty(), decoder.notification(xml("""
            <netconf-config-change xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-notifications-unknown">
              <datastore>running</datastore>
            </netconf-config-change>""")));
    }

    @Test
    void filtersTheWholeQkdNode() {
        final XmlElement filter = decoder.qkdNodeFilter();
        assertEquals(QkdNode.QNAME.getNamespace().toString(), filter.namespace());
        assertEquals(QkdNode.QNAME.getLocalName(), filter.localName());
    }

    private static XmlElement xml(final String text) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return XmlElement.adopt(factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)))
            .getDocumentElement());
    }
}
