package org.sdqkd.netconf.protocol.impl;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.sdqkd.netconf.protocol.api.XmlParseException.Reason;

/**
 * A StAX reader of the JDK's parser, configured to read no DTD and resolve nothing external, that refuses a
 * document type declaration, any unexpanded entity reference and nesting beyond the depth limit as soon as it
 * reads them. A refusal is an {@link XMLStreamException} caused by an {@link XmlParseException}.
 */
public final class LimitedStreamReader extends StreamReaderDelegate {
    private static final String JDK_MAX_DEPTH = "jdk.xml.maxElementDepth";

    private final int maxDepth;
    private int depth;

    private LimitedStreamReader(final XMLStreamReader reader, final int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    /**
     * A reader over a document.
     *
     * @param in     the document's bytes
     * @param limits the limits; the size limit is the caller's to check
     * @return a reader at the start of the document
     * @throws XmlParseException if the start of the document cannot be read
     */
    public static LimitedStreamReader open(final InputStream in, final XmlLimits limits) throws XmlParseException {
        final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // the JDK's own depth limit (100 by default since JDK 24) stays as a backstop behind ours
        factory.setProperty(JDK_MAX_DEPTH, Integer.toString(limits.maxDepth() + 1));
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        try {
            return new LimitedStreamReader(factory.createXMLStreamReader(in), limits.maxDepth());
        } catch (XMLStreamException e) {
            throw DomBuilder.refusal(e);
        }
    }

    @Override
    public int next() throws XMLStreamException {
        final int event = super.next();
        switch (event) {
            case START_ELEMENT -> {
                if (++depth > maxDepth) {
                    throw refuse(Reason.TOO_DEEP, "elements nested deeper than the maximum of " + maxDepth);
                }
            }
            case END_ELEMENT -> depth--;
            case DTD -> throw refuse(Reason.DTD_REFUSED, "document type declarations (DTDs) are not accepted");
            case ENTITY_REFERENCE, ENTITY_DECLARATION, NOTATION_DECLARATION ->
                throw refuse(Reason.DTD_REFUSED, "entities are not accepted");
            default -> {
                // text, comments, processing instructions, document start and end pass
            }
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == CHARACTERS && isWhiteSpace() || event == CDATA && isWhiteSpace() || event == SPACE
                || event == PROCESSING_INSTRUCTION || event == COMMENT) {
            event = next();
        }
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    private XMLStreamException refuse(final Reason reason, final String message) {
        final int line = getLocation() == null ? -1 : getLocation().getLineNumber();
        return new XMLStreamException(message, new XmlParseException(reason,
            message + (line > 0 ? " (line " + line + ")" : ""), null));
    }
}
