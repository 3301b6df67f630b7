package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The {@code filter} query parameter of a stream (RFC 8040 section 4.8.4): an XPath 1.0 expression evaluated, as a
 * boolean, on the XML form of each notification (the RFC 5277 {@code notification} element with its
 * {@code eventTime} and the notification's element; the context node is that {@code notification} element, so that
 * relative paths start at the notification's own element). The prefixes are module names
 * ({@code etsi-qkd-sdn-node:sdqkdn_link_down/etsi-qkd-sdn-node:qkd_link}), and {@code nc} names the RFC 5277 envelope
 * ({@code /nc:notification/nc:eventTime}). The event is sent when the result is true, as XPath's {@code boolean()}
 * makes it: a non-empty node-set, a non-zero number, a non-empty string. Evaluated with the JDK's XPath with secure
 * processing on (no extension functions); the JDK's limits on the size of an expression (groups, operators) apply.
 */
final class NotificationFilter {
    /** The prefix of the RFC 5277 envelope's namespace. */
    static final String ENVELOPE_PREFIX = "nc";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationFilter.class);
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newDefaultNSInstance();

    private final String text;
    private final XPathExpression expression;
    private final NotificationWriter writer;

    private NotificationFilter(final String text, final XPathExpression expression, final NotificationWriter writer) {
        this.text = text;
        this.expression = expression;
        this.writer = writer;
    }

    /**
     * Compiles a filter and tries it on an empty document, so that unknown prefixes and functions are found now.
     *
     * @param text   the expression
     * @param models the served models, whose module names are the prefixes
     * @param writer the writer of the notifications' XML
     * @return the filter
     * @throws RestconfException 400 invalid-value when it is no XPath 1.0 expression or uses an unknown prefix
     */
    static NotificationFilter of(final String text, final EffectiveModelContext models,
            final NotificationWriter writer) throws RestconfException {
        // one factory per subscription: XPathFactory is not thread-safe
        final XPath xpath = secureFactory().newXPath();
        xpath.setNamespaceContext(new ModuleNames(models));
        final XPathExpression expression;
        try {
            expression = xpath.compile(text);
            expression.evaluate(newDocument(), XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
            throw QueryParameters.invalid("filter is not an XPath 1.0 expression over the notifications: " + text
                + " (" + cause(e) + ")");
        }
        return new NotificationFilter(text, expression, requireNonNull(writer));
    }

    /** The expression as the client gave it. */
    String text() {
        return text;
    }

    /**
     * Whether an event passes the filter.
     *
     * @param event the event
     * @return the expression's boolean value on the event's XML; false when it cannot be evaluated on it
     */
    boolean test(final StreamEvent event) {
        final Document document = newDocument();
        try {
            writer.writeXml(event, new DOMResult(document));
            return (Boolean) expression.evaluate(document.getDocumentElement(), XPathConstants.BOOLEAN);
        } catch (XMLStreamException | IOException | XPathExpressionException e) {
            LOG.debug("filter {} cannot be evaluated on a {} event", text, event.body().name().getNodeType(), e);
            return false;
        }
    }

    private static XPathFactory secureFactory() {
        final XPathFactory factory = XPathFactory.newDefaultInstance();
        try {
            // a stranger's expression: no extension functions
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("the JDK's XPath refuses secure processing", e);
        }
        return factory;
    }

    private static Document newDocument() {
        try {
            return DOCUMENTS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM is not configured", e);
        }
    }

    private static String cause(final Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Module names as prefixes, {@code nc} for the RFC 5277 envelope. */
    private record ModuleNames(EffectiveModelContext models) implements NamespaceContext {
        @Override
        public String getNamespaceURI(final String prefix) {
            if (ENVELOPE_PREFIX.equals(prefix)) {
                return NotificationWriter.NOTIFICATION_NS;
            }
            final var modules = models.findModules(prefix);
            if (modules.isEmpty()) {
                // the JDK's XPath reports an unbound prefix when given null
                return null;
            }
            return modules.iterator().next().getNamespace().toString();
        }

        @Override
        public String getPrefix(final String namespaceUri) {
            return getPrefixes(namespaceUri).hasNext() ? getPrefixes(namespaceUri).next() : null;
        }

        @Override
        public Iterator<String> getPrefixes(final String namespaceUri) {
            if (NotificationWriter.NOTIFICATION_NS.equals(namespaceUri)) {
                return List.of(ENVELOPE_PREFIX).iterator();
            }
            return models.getModules().stream().filter(m -> m.getNamespace().toString().equals(namespaceUri))
                .map(Module::getName).iterator();
        }
    }
}
