package org.sdqkd.netconf.interop.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** XML helpers of the checks: parsing request text, reading entries out of replies, comparing configurations. */
final class Xml {

    private static final SafeXml PARSER = SafeXml.of(XmlLimits.DEFAULT);

    private Xml() {
    }

    /**
     * Parses XML text.
     *
     * @param text one element
     * @return the element
     */
    static XmlElement parse(final String text) {
        try {
            return XmlElement.of(PARSER.parse(text.getBytes(UTF_8)));
        } catch (XmlParseException e) {
            throw new IllegalArgumentException("Not well-formed: " + text, e);
        }
    }

    /**
     * Finds the list entry with a key among data nodes (the children of {@code <data>}).
     *
     * @param data the data nodes
     * @param model the model
     * @param shortName the check's name for the entry
     * @return the entry, if there
     */
    static Optional<Element> entry(final List<XmlElement> data, final DataModel model, final String shortName) {
        String key = model.key(shortName);
        return entries(data, model).stream().filter(e -> key.equals(leaf(e, model.keyLeaf(), model).orElse(null)))
            .findFirst();
    }

    /**
     * Returns every list entry of the model among data nodes.
     *
     * @param data the data nodes
     * @param model the model
     * @return the entries
     */
    static List<Element> entries(final List<XmlElement> data, final DataModel model) {
        List<Element> found = new ArrayList<>();
        for (XmlElement node : data) {
            Element element = node.toElement();
            if (matches(element, model.namespace(), model.list())) {
                found.add(element);
            }
            NodeList nodes = element.getElementsByTagNameNS(model.namespace(), model.list());
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    /**
     * Returns the text of a leaf child of an entry.
     *
     * @param entry the entry
     * @param name the leaf's name
     * @param model the model (its namespace)
     * @return the trimmed text, if the leaf is there
     */
    static Optional<String> leaf(final Element entry, final String name, final DataModel model) {
        return child(entry, model.namespace(), name).map(e -> e.getTextContent().strip());
    }

    /**
     * Returns the first child element with a name.
     *
     * @param parent the parent
     * @param namespace the child's namespace
     * @param name the child's local name
     * @return the child, if any
     */
    static Optional<Element> child(final Element parent, final String namespace, final String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && matches(e, namespace, name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the child elements.
     *
     * @param parent the parent
     * @return its element children in order
     */
    static List<Element> children(final Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /**
     * Returns every descendant with a name, in document order, of some data nodes.
     *
     * @param data the data nodes
     * @param namespace the namespace
     * @param name the local name
     * @return the elements
     */
    static List<Element> descendants(final List<XmlElement> data, final String namespace, final String name) {
        List<Element> found = new ArrayList<>();
        for (XmlElement node : data) {
            Element element = node.toElement();
            if (matches(element, namespace, name)) {
                found.add(element);
            }
            NodeList nodes = element.getElementsByTagNameNS(namespace, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    /**
     * Builds a {@code <config>} element holding copies of data nodes and, optionally, more elements.
     *
     * @param data the data nodes
     * @return the {@code <config>} element
     */
    static Document configOf(final List<XmlElement> data) {
        Document document = newDocument();
        Element config = document.createElementNS(DataModel.BASE, "config");
        document.appendChild(config);
        for (XmlElement node : data) {
            config.appendChild(node.importInto(document));
        }
        return document;
    }

    /**
     * Returns an order- and whitespace-independent form of data nodes, attributes ignored, for comparing
     * datastores. Elements without text or children are left out below the top: a server may keep or drop a
     * non-presence container whose last entry was deleted.
     *
     * @param data the data nodes
     * @return the canonical form
     */
    static String canonical(final List<XmlElement> data) {
        return data.stream().map(node -> canonical(node.toElement())).filter(s -> !s.isEmpty()).sorted()
            .toList().toString();
    }

    private static String canonical(final Element element) {
        List<Element> children = children(element);
        String text = children.isEmpty() ? element.getTextContent().strip() : "";
        List<String> inner = children.stream().map(Xml::canonical).filter(s -> !s.isEmpty()).sorted().toList();
        if (text.isEmpty() && inner.isEmpty()) {
            return "";
        }
        return "{" + element.getNamespaceURI() + "}" + element.getLocalName() + "=" + text + inner;
    }

    private static boolean matches(final Element element, final String namespace, final String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
