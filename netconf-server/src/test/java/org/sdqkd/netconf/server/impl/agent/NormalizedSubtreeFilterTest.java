package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.w3c.dom.Element;

/**
 * The subtree filter on NormalizedNodes gives, element for element, what the DOM filter gives, or leaves the
 * decision to it.
 */
class NormalizedSubtreeFilterTest {
    private static final String NETWORK = "urn:sdqkd:yang:sdqkd-network";
    private static final String SSH_QKD = "urn:sdqkd:yang:sdqkd-ssh-qkd";
    private static final String TYPES = "urn:etsi:qkd:yang:etsi-qkd-node-types";
    private static final String NODE_1 = "b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23";
    private static final String NODE_2 = "c127b8fa-208c-451e-9f8c-3fd1e5108200";
    private static final String LINK = "0f5d2cc8-1f0b-4d47-9f39-6b1a3a8e6d10";

    private static final String DATA = "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy>"
        + "<method xmlns:s='" + SSH_QKD + "'>s:x25519-qkd</method>"
        + "<peer><sae-id>a</sae-id><description>alpha</description></peer>"
        + "<peer><sae-id>b</sae-id><description>beta</description></peer>"
        + "<peer><sae-id>c</sae-id></peer>"
        + "<rekey><max-time>3600</max-time></rekey></ssh-qkd>"
        + "<network xmlns='" + NETWORK + "' xmlns:t='" + TYPES + "'>" + node(NODE_1, "Almagro", "sae-almagro")
        + node(NODE_2, "Norte", "sae-norte")
        + "<link><link-id>" + LINK + "</link-id><endpoint-a><node>" + NODE_1 + "</node></endpoint-a>"
        + "<endpoint-b><node>" + NODE_2 + "</node></endpoint-b><technology>t:DV-QKD</technology>"
        + "<nominal-skr>1000</nominal-skr><qber-threshold>0.05</qber-threshold></link></network>";

    private static DataXml models;
    private static ContainerNode root;

    private static String node(final String id, final String name, final String sae) {
        return "<node><node-id>" + id + "</node-id><name>" + name + "</name><netconf><host>127.0.0.1</host>"
            + "<username>sdqkd</username></netconf><kme><kme-id>kme-" + name + "</kme-id>"
            + "<url>https://127.0.0.1:8441</url></kme><sae-id>" + sae + "</sae-id><sae-id>" + sae + "-2</sae-id>"
            + "</node>";
    }

    @BeforeAll
    static void loadData() throws Exception {
        models = new DataXml(YangModels.projectModels());
        root = models.fromXml(Dom.childElements(parse("<data>" + DATA + "</data>")));
    }

    private static Element parse(final String xml) throws Exception {
        return SafeXml.of(XmlLimits.DEFAULT).parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static Element filter(final String content) throws Exception {
        return parse("<filter xmlns='urn:ietf:params:xml:ns:netconf:base:1.0' type='subtree'>" + content
            + "</filter>");
    }

    private static Optional<String> normalized(final Element filter) throws XMLStreamException {
        final Optional<List<SelectedNode>> selected = NormalizedSubtreeFilter.apply(root, filter);
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        final Element data = Dom.root(Namespaces.BASE, "data");
        final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        final XMLStreamWriter writer = factory.createXMLStreamWriter(new DOMResult(data));
        new NormalizedData(models.context(), selected.orElseThrow()).writeTo(writer);
        writer.flush();
        return Optional.of(text(data));
    }

    private static String dom(final Element filter) {
        return text(SubtreeFilter.apply(models.toXml(root), filter));
    }

    private static String text(final Element data) {
        return Dom.childElements(data).stream().map(e -> XmlElement.of(e).toString())
            .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<network xmlns='" + NETWORK + "'/>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'/><network xmlns='" + NETWORK + "'/>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><peer/></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>b</sae-id></peer></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>b</sae-id><description/></peer></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>a</sae-id></peer><peer><sae-id>c</sae-id></peer>"
            + "</ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>x</sae-id></peer></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy><rekey/></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>required</policy><rekey/></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><method/></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><method>s:x25519-qkd</method></ssh-qkd>",
        "<ssh-qkd><rekey><max-time/></rekey></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><rekey><max-time>3600</max-time></rekey></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><rekey><max-time> 3600 </max-time></rekey></ssh-qkd>",
        "<ssh-qkd xmlns='" + SSH_QKD + "'><rekey><max-time>60</max-time></rekey></ssh-qkd>",
        "<ssh-qkd xmlns='urn:other'/>",
        "<network xmlns='" + NETWORK + "'><node><name>Norte</name><kme/></node></network>",
        "<network xmlns='" + NETWORK + "'><node><node-id/><kme><url/></kme></node></network>",
        "<network xmlns='" + NETWORK + "'><node><node-id>" + NODE_1 + "</node-id></node></network>",
        "<network xmlns='" + NETWORK + "'><node><sae-id>sae-norte-2</sae-id><node-id/></node></network>",
        "<network xmlns='" + NETWORK + "'><node><sae-id>sae-norte</sae-id></node></network>",
        "<network xmlns='" + NETWORK + "'><node><node-id/><sae-id/></node><link><link-id/></link></network>",
        "<network xmlns='" + NETWORK + "'><link><nominal-skr>1000</nominal-skr><link-id/></link></network>",
        "<network xmlns='" + NETWORK + "'><link/></network>",
        "<network xmlns='" + NETWORK + "'><node><node-id/><name/></node><node><node-id/><kme/></node></network>",
        "<network xmlns='" + NETWORK + "'><link><qber-threshold>0.05</qber-threshold></link></network>",
        "<network xmlns='" + NETWORK + "'><link><technology>t:DV-QKD</technology></link></network>",
        "<network xmlns='" + NETWORK + "'><node><name/></node></network>",
        "<network xmlns='" + NETWORK + "'><node><netconf><host>127.0.0.1</host></netconf></node></network>",
        "<network xmlns='" + NETWORK + "'>Norte</network>",
    })
    void selectsWhatTheDomFilterSelects(final String content) throws Exception {
        final Element filter = filter(content);
        final Optional<String> normalized = normalized(filter);
        normalized.ifPresent(text -> assertEquals(dom(filter), text, content));
    }

    @Test
    void writesTheWholeRootAsTheCodecDoes() throws Exception {
        final Element data = Dom.root(Namespaces.BASE, "data");
        final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        final XMLStreamWriter writer = factory.createXMLStreamWriter(new DOMResult(data));
        NormalizedData.of(models.context(), root).writeTo(writer);
        writer.flush();
        assertEquals(text(models.toXml(root)), text(data));
    }

    @Test
    void decidesSelectionContainmentAndPlainContentMatches() throws Exception {
        for (String content : List.of("<network xmlns='" + NETWORK + "'/>",
                "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>b</sae-id><description/></peer></ssh-qkd>",
                "<network xmlns='" + NETWORK + "'><node><node-id/><kme><url/></kme></node></network>",
                "<network xmlns='" + NETWORK + "'><link><nominal-skr>1000</nominal-skr><link-id/></link></network>",
                "<ssh-qkd><rekey><max-time/></rekey></ssh-qkd>",
                "<network xmlns='" + NETWORK + "'><node><name/></node></network>",
                "<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy><rekey/></ssh-qkd>",
                "<ssh-qkd xmlns='" + SSH_QKD + "'/><network xmlns='" + NETWORK + "'/>")) {
            assertTrue(normalized(filter(content)).isPresent(), content);
        }
    }

    @Test
    void leavesToTheDomFilterWhatDependsOnXmlText() throws Exception {
        for (String content : List.of(
                "<network xmlns='" + NETWORK + "'><link><qber-threshold>0.05</qber-threshold></link></network>",
                "<network xmlns='" + NETWORK + "'><link><technology>t:DV-QKD</technology></link></network>",
                "<ssh-qkd xmlns='" + SSH_QKD + "'><method>s:x25519-qkd</method></ssh-qkd>",
                "<network xmlns='" + NETWORK + "'><node><node-id/><name/></node><node><node-id/><kme/></node>"
                    + "</network>")) {
            assertTrue(normalized(filter(content)).isEmpty(), content);
        }
    }
}
