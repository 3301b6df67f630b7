package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * An XML reader that remembers where it is in the data tree: the open elements with their schema nodes
 * and the key values of list entries seen so far. When the codec refuses the document, it names the
 * data path of the node at fault. The outermost element is the wrapper holding the top-level nodes.
 */
final class XmlPathTracker extends StreamReaderDelegate {
    /** An open element. */
    private static final class Frame {
        final String rawName;
        final QName name;
        final DataSchemaNode schema;
        final Map<QName, Object> keys = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();

        Frame(final String rawName, final QName name, final DataSchemaNode schema) {
            this.rawName = rawName;
            this.name = name;
            this.schema = schema;
        }
    }

    private final EffectiveModelContext context;
    private final Deque<Frame> open = new ArrayDeque<>();
    private int depth;
    private Frame lastClosed;

    XmlPathTracker(final XMLStreamReader reader, final EffectiveModelContext context) {
        super(reader);
        this.context = requireNonNull(context);
    }

    @Override
    public int next() throws XMLStreamException {
        final int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> start();
            case XMLStreamConstants.END_ELEMENT -> end();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (!open.isEmpty()) {
                    open.peek().text.append(getText());
                }
            }
            default -> {
                // comments and processing instructions do not move the path
            }
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("text where an element was expected", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        final StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as in XMLStreamReader.getElementText()
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new XMLStreamException("element found where a text value was expected", getLocation());
                default -> throw new XMLStreamException("unexpected end of the document", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    private void start() {
        depth++;
        lastClosed = null;
        if (depth == 1) {
            return;
        }
        final Optional<QNameModule> module = SchemaSteps.moduleOfNamespace(context, getNamespaceURI());
        final QName name = module.map(m -> QName.create(m, getLocalName())).orElse(null);
        final Object parent = open.isEmpty() ? context : open.peek().schema;
        final DataSchemaNode schema = name == null ? null : SchemaSteps.child(parent, name).orElse(null);
        open.push(new Frame(getLocalName(), name, schema));
    }

    private void end() {
        depth--;
        if (depth == 0) {
            return;
        }
        final Frame closed = open.pop();
        lastClosed = closed;
        final Frame parent = open.peek();
        if (parent != null && parent.schema instanceof ListSchemaNode list && closed.name != null
                && list.getKeyDefinition().contains(closed.name)) {
            parent.keys.put(closed.name, closed.text.toString().strip());
        }
    }

    /**
     * The data path of the node the reader was at when the codec failed: the open elements, and the
     * element closed last if nothing was opened after it (a leaf whose value was just read).
     */
    String currentPath() {
        final DataPathBuilder path = new DataPathBuilder(context);
        final Iterator<Frame> outermostFirst = open.descendingIterator();
        while (outermostFirst.hasNext()) {
            append(path, outermostFirst.next());
        }
        if (lastClosed != null) {
            append(path, lastClosed);
        }
        return path.toString();
    }

    /** Whether the innermost open element has no schema node: an unknown element or namespace. */
    boolean atUnknownElement() {
        return !open.isEmpty() && open.peek().schema == null;
    }

    /** Whether the innermost open element's namespace belongs to no module. */
    boolean atUnknownNamespace() {
        return !open.isEmpty() && open.peek().name == null;
    }

    private static void append(final DataPathBuilder path, final Frame frame) {
        if (frame.name == null) {
            path.rawStep(frame.rawName);
            return;
        }
        path.step(frame.name);
        if (frame.schema instanceof ListSchemaNode) {
            path.keys(frame.keys);
        }
    }
}
