package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A small XML element tree built in code: the node's notifications (as DOM elements) and its operational state (as
 * text read back by the datastore's codec). Identity values are written with the prefixes declared on the root.
 */
final class Xml {
    /** The ETSI GS QKD 015 node module's namespace. */
    static final String ETSI = "urn:etsi:qkd:yang:etsi-qkd-node";
    /** The ETSI GS QKD 015 types module's namespace (prefix {@code etsi-qkdn-types}). */
    static final String ETSI_TYPES = "urn:etsi:qkd:yang:etsi-qkd-node-types";
    /** sdqkd's node augment's namespace. */
    static final String SDQKD_NODE = "urn:sdqkd:yang:sdqkd-qkd-node";

    private final String namespace;
    private final String name;
    private final List<Xml> children = new ArrayList<>();
    private Optional<String> text = Optional.empty();

    private Xml(final String namespace, final String name) {
        this.namespace = requireNonNull(namespace);
        this.name = requireNonNull(name);
    }

    /** An element of the ETSI node module. */
    static Xml etsi(final String name) {
        return new Xml(ETSI, name);
    }

    /** An element of sdqkd's node augment. */
    static Xml sdqkd(final String name) {
        return new Xml(SDQKD_NODE, name);
    }

    /** Adds a child element and returns it. */
    Xml child(final String childName) {
        final Xml child = new Xml(namespace, childName);
        children.add(child);
        return child;
    }

    /** Adds a child element of another namespace and returns it. */
    Xml add(final Xml child) {
        children.add(child);
        return child;
    }

    /** Adds a leaf and returns this element. */
    Xml leaf(final String leafName, final Object value) {
        child(leafName).text = Optional.of(String.valueOf(value));
        return this;
    }

    /** Adds a leaf when the value is present and returns this element. */
    Xml leaf(final String leafName, final Optional<?> value) {
        value.ifPresent(v -> leaf(leafName, v));
        return this;
    }

    /** Adds an identity leaf of the ETSI types module and returns this element. */
    Xml identity(final String leafName, final String identity) {
        return leaf(leafName, "etsi-qkdn-types:" + identity);
    }

    /** This tree as a DOM element of a new document, declaring the ETSI types prefix on the root. */
    Element toDom() {
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final Document document = factory.newDocumentBuilder().newDocument();
            final Element root = toDom(document);
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:etsi-qkdn-types", ETSI_TYPES);
            document.appendChild(root);
            return root;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    private Element toDom(final Document document) {
        final Element element = document.createElementNS(namespace, name);
        text.ifPresent(element::setTextContent);
        for (Xml child : children) {
            element.appendChild(child.toDom(document));
        }
        return element;
    }

    /** This tree as XML text, declaring the ETSI types prefix on the root. */
    String toText() {
        final StringBuilder out = new StringBuilder();
        write(out, "", " xmlns:etsi-qkdn-types=\"" + ETSI_TYPES + "\"");
        return out.toString();
    }

    private void write(final StringBuilder out, final String parentNamespace, final String extra) {
        out.append('<').append(name);
        if (!namespace.equals(parentNamespace)) {
            out.append(" xmlns=\"").append(namespace).append('"');
        }
        out.append(extra).append('>');
        text.ifPresent(t -> escape(out, t));
        for (Xml child : children) {
            child.write(out, namespace, "");
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(final StringBuilder out, final String value) {
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
