package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Node;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.ValidationError;

/**
 * XML instance documents (RFC 7950 section 7): one or more top-level data elements, read with the
 * yangtools XML codec from a reader that refuses DTDs and external entities.
 */
final class XmlDocuments {
    /** Wraps the top-level elements so that a document with several of them is well-formed XML. */
    private static final String WRAPPER = "sdqkd-document";
    private static final Pattern DECLARATION = Pattern.compile("\\A\\s*<\\?xml[^>]*\\?>");

    private final EffectiveModelContext context;
    private final XMLInputFactory inputFactory;
    // the JDK's StAX, whatever else is on the class path (netconf-protocol brings Woodstox for its replies)
    private final XMLOutputFactory outputFactory = XMLOutputFactory.newDefaultFactory();

    XmlDocuments(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        inputFactory = XMLInputFactory.newDefaultFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputFactory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        outputFactory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    ContainerNode read(final String text) throws DocumentException {
        final NormalizationResultHolder result = new NormalizationResultHolder();
        final XmlPathTracker tracker;
        try {
            tracker = new XmlPathTracker(inputFactory.createXMLStreamReader(new StringReader(wrap(text))), context);
        } catch (XMLStreamException e) {
            throw new DocumentException(ValidationError.of(ErrorTag.MALFORMED_MESSAGE, "/",
                "malformed XML: " + ParseErrors.firstLine(stripLocation(e.getMessage()))), e);
        }
        try {
            XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(result),
                SchemaInferenceStack.of(context).toInference()).parse(tracker);
            final var entryError = tracker.firstEntryError();
            if (entryError.isPresent()) {
                throw new DocumentException(entryError.orElseThrow(), null);
            }
            return (ContainerNode) result.getResult().data();
        } catch (XMLStreamException e) {
            if (tracker.atUnknownElement()) {
                throw new DocumentException(ValidationError.of(fallbackTag(tracker), tracker.currentPath(),
                    "no such node in the models" + atLine(tracker)), e);
            }
            throw new DocumentException(ValidationError.of(ErrorTag.MALFORMED_MESSAGE, tracker.currentPath(),
                "malformed XML: " + ParseErrors.firstLine(stripLocation(e.getMessage())) + atLine(tracker)), e);
        } catch (IOException | RuntimeException e) {
            if (tracker.firstEntryError().isPresent()) {
                throw new DocumentException(tracker.firstEntryError().orElseThrow(), e);
            }
            final ValidationError error = ParseErrors.of(e, tracker.currentPath(), fallbackTag(tracker));
            throw new DocumentException(new ValidationError(error.type(), error.tag(), error.appTag(), error.path(),
                error.message() + atLine(tracker)), e);
        }
    }

    /** The StAX message without its "ParseError at [row,col]" preamble, which {@link #atLine} replaces. */
    private static String stripLocation(final String message) {
        final int at = message == null ? -1 : message.indexOf("Message: ");
        return at < 0 ? String.valueOf(message) : message.substring(at + "Message: ".length());
    }

    private static String atLine(final XmlPathTracker tracker) {
        if (tracker.getLocation() == null || tracker.getLocation().getLineNumber() < 0) {
            return "";
        }
        return " (line " + tracker.getLocation().getLineNumber() + ")";
    }

    private static ErrorTag fallbackTag(final XmlPathTracker tracker) {
        if (tracker.atUnknownNamespace()) {
            return ErrorTag.UNKNOWN_NAMESPACE;
        }
        return tracker.atUnknownElement() ? ErrorTag.UNKNOWN_ELEMENT : ErrorTag.INVALID_VALUE;
    }

    /**
     * Puts the document inside a wrapper element. The XML declaration, if any, is blanked with spaces so
     * that line numbers stay those of the file.
     */
    private static String wrap(final String text) {
        final Matcher declaration = DECLARATION.matcher(text);
        final String body = declaration.find()
            ? " ".repeat(declaration.end()) + text.substring(declaration.end()) : text;
        return "<" + WRAPPER + ">" + body + "</" + WRAPPER + ">";
    }

    void write(final ContainerNode root, final Writer out) throws IOException {
        try {
            final XMLStreamWriter xml = outputFactory.createXMLStreamWriter(out);
            for (DataContainerChild child : root.body()) {
                writeTopLevel(xml, child);
            }
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    void write(final ContainerNode root, final Node parent) {
        try {
            final XMLStreamWriter xml = outputFactory.createXMLStreamWriter(new DOMResult(parent));
            for (DataContainerChild child : root.body()) {
                writeTopLevel(xml, child);
            }
            xml.flush();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("cannot write data held in memory as DOM", e);
        }
    }

    private void writeTopLevel(final XMLStreamWriter xml, final NormalizedNode node) throws IOException {
        final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
            XMLStreamNormalizedNodeStreamWriter.create(xml, context));
        writer.write(node);
        writer.flush();
    }
}
