package org.sdqkd.netconf.protocol.impl;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.sdqkd.netconf.protocol.api.XmlParseException.Reason;

/**
 * A StAX reader of Woodstox's parser, configured to read no DTD and resolve nothing external, that refuses a
 * document type declaration, any unexpanded entity reference and nesting beyond the depth limit as soon as it
 * reads them. A refusal is an {@link XMLStreamException} caused by an {@link XmlParseException}. The factories are
 * made once per depth limit and shared (Woodstox's factories are thread-safe once configured, and its readers are
 * cheap to create: the JDK's parser spent more on a new factory and reader than on parsing a small rpc).
 */
public final class LimitedStreamReader extends StreamReaderDelegate {
    private static final Map<Integer, XMLInputFactory> FACTORIES = new ConcurrentHashMap<>();

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
        try {
            return new LimitedStreamReader(FACTORIES.computeIfAbsent(limits.maxDepth(), LimitedStreamReader::factory)
                .createXMLStreamReader(in), limits.maxDepth());
        } catch (XMLStreamException e) {
            throw DomBuilder.refusal(e);
        }
    }

    private static XMLInputFactory factory(final int maxDepth) {
        // Woodstox named here, not found by a service lookup: the same parser whatever else is on the class path
        final XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // every token read whole by next(), so that a failure is an XMLStreamException there, never a
        // WstxLazyException out of getText()
        factory.setProperty(WstxInputProperties.P_LAZY_PARSING, false);
        // Woodstox's own depth limit stays as a backstop behind ours
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, maxDepth + 1);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
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
