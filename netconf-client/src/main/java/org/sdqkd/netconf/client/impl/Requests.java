package org.sdqkd.netconf.client.impl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.sdqkd.netconf.client.api.CommitOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.EditOptions;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NmdaDatastore;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the operation elements of the standard rpcs with the DOM: values become text nodes and attribute values,
 * never XML text, so no value can change the structure of a request.
 */
public final class Requests {
    /** The namespace of {@code ietf-netconf-monitoring} (RFC 6022), of {@code get-schema}. */
    public static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    /** The namespace of {@code ietf-netconf-nmda} (RFC 8526), of {@code get-data} and {@code edit-data}. */
    public static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";

    private static final String BASE = NetconfMessage.NAMESPACE;
    /** The JDK's DOM, looked up once: a document builder per request cost more than the request's elements. */
    private static final DOMImplementation DOM;

    static {
        try {
            DOM = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            // the JDK's default DOM builder always exists
            throw new ExceptionInInitializerError(e);
        }
    }

    private Requests() {
        // static only
    }

    /**
     * {@code <get>}.
     *
     * @param filter the filter, if any
     * @return the operation
     */
    public static XmlElement get(final Optional<Filter> filter) {
        final Element op = operation(BASE, "get");
        filter.ifPresent(f -> appendFilter(op, f));
        return XmlElement.of(op);
    }

    /**
     * {@code <get-config>}.
     *
     * @param source the datastore
     * @param filter the filter, if any
     * @return the operation
     */
    public static XmlElement getConfig(final Datastore source, final Optional<Filter> filter) {
        final Element op = operation(BASE, "get-config");
        datastore(op, "source", source);
        filter.ifPresent(f -> appendFilter(op, f));
        return XmlElement.of(op);
    }

    /**
     * {@code <edit-config>}.
     *
     * @param target the datastore
     * @param config the base {@code <config>} element, or one element to wrap in one
     * @param options the optional parameters
     * @return the operation
     */
    public static XmlElement editConfig(final Datastore target, final XmlElement config, final EditOptions options) {
        final Element op = operation(BASE, "edit-config");
        datastore(op, "target", target);
        options.defaultOperation().ifPresent(value -> text(op, BASE, "default-operation", value.value()));
        options.testOption().ifPresent(value -> text(op, BASE, "test-option", value.value()));
        options.errorOption().ifPresent(value -> text(op, BASE, "error-option", value.value()));
        appendConfig(op, config);
        return XmlElement.of(op);
    }

    /**
     * {@code <copy-config>} from a datastore or of an inline configuration.
     *
     * @param target the datastore
     * @param source the source datastore, or empty for {@code config}
     * @param config the inline configuration, when there is no source datastore
     * @return the operation
     */
    public static XmlElement copyConfig(final Datastore target, final Optional<Datastore> source,
            final Optional<XmlElement> config) {
        final Element op = operation(BASE, "copy-config");
        datastore(op, "target", target);
        if (source.isPresent()) {
            datastore(op, "source", source.orElseThrow());
        } else {
            appendConfig(child(op, BASE, "source"), config.orElseThrow());
        }
        return XmlElement.of(op);
    }

    /**
     * An operation whose only parameter is a target datastore: {@code delete-config}, {@code lock},
     * {@code unlock}.
     *
     * @param name the operation's name
     * @param target the datastore
     * @return the operation
     */
    public static XmlElement targetOnly(final String name, final Datastore target) {
        final Element op = operation(BASE, name);
        datastore(op, "target", target);
        return XmlElement.of(op);
    }

    /**
     * {@code <validate>} of a datastore.
     *
     * @param source the datastore
     * @return the operation
     */
    public static XmlElement validate(final Datastore source) {
        final Element op = operation(BASE, "validate");
        datastore(op, "source", source);
        return XmlElement.of(op);
    }

    /**
     * {@code <commit>}.
     *
     * @param options confirmed, confirm-timeout, persist, persist-id
     * @return the operation
     */
    public static XmlElement commit(final CommitOptions options) {
        final Element op = operation(BASE, "commit");
        if (options.confirmed()) {
            child(op, BASE, "confirmed");
        }
        options.confirmTimeout().ifPresent(t -> text(op, BASE, "confirm-timeout", Long.toString(t.toSeconds())));
        options.persist().ifPresent(token -> text(op, BASE, "persist", token));
        options.persistId().ifPresent(token -> text(op, BASE, "persist-id", token));
        return XmlElement.of(op);
    }

    /**
     * {@code <cancel-commit>}.
     *
     * @param persistId the token of a persistent confirmed commit, if any
     * @return the operation
     */
    public static XmlElement cancelCommit(final Optional<String> persistId) {
        final Element op = operation(BASE, "cancel-commit");
        persistId.ifPresent(token -> text(op, BASE, "persist-id", token));
        return XmlElement.of(op);
    }

    /**
     * An operation of the base namespace without parameters, such as {@code discard-changes}.
     *
     * @param name the operation's name
     * @return the operation
     */
    public static XmlElement simple(final String name) {
        return XmlElement.of(operation(BASE, name));
    }

    /**
     * {@code <kill-session>}.
     *
     * @param sessionId the session to end
     * @return the operation
     */
    public static XmlElement killSession(final long sessionId) {
        final Element op = operation(BASE, "kill-session");
        text(op, BASE, "session-id", Long.toString(sessionId));
        return XmlElement.of(op);
    }

    /**
     * {@code <get-schema>} (RFC 6022 section 3.1). A format is given as an identity of
     * {@code ietf-netconf-monitoring}, prefixed here.
     *
     * @param identifier the module name
     * @param version the revision, if any
     * @param format the format identity, such as {@code yang}, if any
     * @return the operation
     */
    public static XmlElement getSchema(final String identifier, final Optional<String> version,
            final Optional<String> format) {
        final Element op = operation(MONITORING, "get-schema");
        text(op, MONITORING, "identifier", identifier);
        version.ifPresent(v -> text(op, MONITORING, "version", v));
        format.ifPresent(f -> {
            final Element element = text(op, MONITORING, "format", f.contains(":") ? f : "ncm:" + f);
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ncm", MONITORING);
        });
        return XmlElement.of(op);
    }

    /**
     * {@code <create-subscription>} (RFC 5277 section 2.1.1).
     *
     * @param options stream, filter, start and stop time
     * @return the operation
     */
    public static XmlElement createSubscription(final SubscriptionOptions options) {
        final String ns = Notification.NAMESPACE;
        final Element op = operation(ns, "create-subscription");
        options.stream().ifPresent(stream -> text(op, ns, "stream", stream));
        options.filter().ifPresent(filter -> appendFilter(op, ns, "filter", filter));
        options.startTime().ifPresent(time -> text(op, ns, "startTime", dateTime(time)));
        options.stopTime().ifPresent(time -> text(op, ns, "stopTime", dateTime(time)));
        return XmlElement.of(op);
    }

    /**
     * {@code <get-data>} (RFC 8526 section 3.1.1).
     *
     * @param datastore the datastore
     * @param filter a subtree ({@code subtree-filter}) or XPath ({@code xpath-filter}) filter, if any
     * @return the operation
     */
    public static XmlElement getData(final NmdaDatastore datastore, final Optional<Filter> filter) {
        final Element op = operation(NMDA, "get-data");
        nmdaDatastore(op, datastore);
        filter.ifPresent(f -> {
            switch (f) {
                case Filter.Subtree subtree -> {
                    final Element element = child(op, NMDA, "subtree-filter");
                    subtree.content().forEach(node -> element.appendChild(node.importInto(op.getOwnerDocument())));
                }
                case Filter.XPath xpath -> {
                    final Element element = text(op, NMDA, "xpath-filter", xpath.select());
                    declare(element, xpath.namespaces());
                }
            }
        });
        return XmlElement.of(op);
    }

    /**
     * {@code <edit-data>} (RFC 8526 section 3.1.2).
     *
     * @param datastore the datastore
     * @param config the top-level data elements
     * @param defaultOperation the default operation, if any
     * @return the operation
     */
    public static XmlElement editData(final NmdaDatastore datastore, final List<XmlElement> config,
            final Optional<EditOptions.DefaultOperation> defaultOperation) {
        final Element op = operation(NMDA, "edit-data");
        nmdaDatastore(op, datastore);
        defaultOperation.ifPresent(value -> text(op, NMDA, "default-operation", value.value()));
        final Element element = child(op, NMDA, "config");
        config.forEach(node -> element.appendChild(node.importInto(op.getOwnerDocument())));
        return XmlElement.of(op);
    }

    private static Element operation(final String namespace, final String name) {
        final Document document = DOM.createDocument(null, null, null);
        final Element element = document.createElementNS(namespace, name);
        document.appendChild(element);
        return element;
    }

    private static Element child(final Element parent, final String namespace, final String name) {
        final Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(element);
        return element;
    }

    private static Element text(final Element parent, final String namespace, final String name, final String value) {
        final Element element = child(parent, namespace, name);
        element.setTextContent(value);
        return element;
    }

    private static void datastore(final Element parent, final String role, final Datastore datastore) {
        child(child(parent, BASE, role), BASE, datastore.elementName());
    }

    private static void nmdaDatastore(final Element parent, final NmdaDatastore datastore) {
        final Element element = text(parent, NMDA, "datastore", "ds:" + datastore.identity());
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", NmdaDatastore.NAMESPACE);
    }

    private static void appendConfig(final Element parent, final XmlElement config) {
        final Document document = parent.getOwnerDocument();
        if (BASE.equals(config.namespace()) && "config".equals(config.localName())) {
            parent.appendChild(config.importInto(document));
        } else {
            child(parent, BASE, "config").appendChild(config.importInto(document));
        }
    }

    private static void appendFilter(final Element parent, final Filter filter) {
        appendFilter(parent, BASE, "filter", filter);
    }

    private static void appendFilter(final Element parent, final String namespace, final String name,
            final Filter filter) {
        final Element element = child(parent, namespace, name);
        switch (filter) {
            case Filter.Subtree subtree -> {
                element.setAttributeNS(null, "type", "subtree");
                subtree.content().forEach(node -> element.appendChild(node.importInto(parent.getOwnerDocument())));
            }
            case Filter.XPath xpath -> {
                element.setAttributeNS(null, "type", "xpath");
                element.setAttributeNS(null, "select", xpath.select());
                declare(element, xpath.namespaces());
            }
        }
    }

    private static void declare(final Element element, final Map<String, String> namespaces) {
        namespaces.forEach((prefix, namespace) ->
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace));
    }

    private static String dateTime(final OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
